"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { fetchAllItems } from "@/components/lib/all-pages";
import { formatPrice } from "@/components/lib/format";
import { queryKeys } from "@/components/query-keys";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { Appointment } from "@/lib/contract";

/**
 * A client's appointments in two lists: upcoming (booked, not started; soonest first) and past
 * (everything else, newest first); times as the API gives them, in each location's zone.
 */
export function ClientAppointments({ clientId }: { clientId: string }) {
  const t = useTranslations("admin.appointment");
  const card = useTranslations("people.card");
  const [now] = useState(() => Date.now());
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const list = useQuery({
    queryKey: queryKeys.appointments.ofClient(clientId),
    // Every page, however long the history.
    queryFn: ({ signal }) =>
      fetchAllItems<Appointment>("/appointments", { clientId, from: "2000-01-01", to: "2100-01-01" }, signal).then(
        (items) => items.sort((a, b) => b.start.localeCompare(a.start)),
      ),
  });
  // The offset in each start is that location's own, so the wall time reads straight from the text.
  const when = (a: Appointment) => {
    const [date = "", clock = ""] = a.start.split("T");
    return `${new Date(`${date}T12:00:00Z`).toLocaleDateString(locale === "ru" ? "ru-RU" : "en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    })}, ${clock.slice(0, 5)}`;
  };
  if (list.isPending) return <Skeleton label={common("loading")} />;
  if (list.isError) {
    return (
      <ErrorState
        message={common("states.loadFailed")}
        retryLabel={common("actions.retry")}
        onRetry={() => list.refetch()}
      />
    );
  }
  if (list.data.length === 0) return <EmptyState>{t("none")}</EmptyState>;
  const isUpcoming = (a: Appointment) => a.status === "booked" && Date.parse(a.start) >= now;
  const upcoming = list.data.filter(isUpcoming).reverse();
  const past = list.data.filter((a) => !isUpcoming(a));
  const items = (rows: Appointment[], label: string) => (
    <ul className="space-y-2" aria-label={label}>
      {rows.map((a) => (
        <li key={a.id} className="flex flex-wrap gap-x-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <span className="font-medium">{when(a)}</span>
          <span>{[a.service?.name, a.worker?.name, a.location.name].filter(Boolean).join(" · ")}</span>
          <span className="text-slate-600">{t(`statuses.${a.status}`)}</span>
          {a.price !== null && <span>{formatPrice(Number(a.price), a.currency ?? "RUB", locale)}</span>}
        </li>
      ))}
    </ul>
  );
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <h3 className="font-semibold">{card("upcomingList")}</h3>
        {upcoming.length > 0 ? (
          items(upcoming, card("upcomingList"))
        ) : (
          <p className="text-sm text-slate-600">{card("noUpcoming")}</p>
        )}
      </div>
      <div className="space-y-2">
        <h3 className="font-semibold">{card("pastList")}</h3>
        {past.length > 0 ? items(past, card("pastList")) : <p className="text-sm text-slate-600">{card("noPast")}</p>}
      </div>
    </div>
  );
}
