"use client";

import { useQuery } from "@tanstack/react-query";
import { subDays } from "date-fns";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fetchAllItems } from "@/components/lib/all-pages";
import { splitAppointments } from "@/components/lib/booking";
import { queryKeys } from "@/components/query-keys";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Appointment } from "@/lib/contract";
import { AppointmentCard } from "./appointment-card";

/**
 * The signed-in client's appointments (the API lists only their own): those starting from yesterday
 * on, and those of the year before, split into upcoming, cancelled (their time still ahead) and past
 * on this device's clock.
 */
export function MyAppointments() {
  const t = useTranslations("public.appointments");
  // Fixed for the life of the page, so the query key (and the cache) stays the same.
  const [bounds] = useState(() => {
    const now = new Date();
    return { now, split: subDays(now, 1).toISOString(), yearAgo: subDays(now, 366).toISOString() };
  });
  const list = useQuery({
    queryKey: queryKeys.appointments.mine(bounds.split),
    queryFn: async ({ signal }) => {
      // Every page of both, however many: nothing is cut off at the API's page size.
      const [ahead, before] = await Promise.all([
        fetchAllItems<Appointment>("/appointments", { from: bounds.split }, signal),
        fetchAllItems<Appointment>("/appointments", { from: bounds.yearAgo, to: bounds.split }, signal),
      ]);
      return splitAppointments([...ahead, ...before], new Date());
    },
  });

  if (list.isPending) return <Skeleton rows={3} label={t("loading")} />;
  if (list.isError) return <ErrorState message={t("error")} retryLabel={t("retry")} onRetry={() => list.refetch()} />;
  const { upcoming, cancelled, past } = list.data;
  return (
    <div className="space-y-8">
      <section aria-labelledby="upcoming-heading" className="space-y-3">
        <h2 id="upcoming-heading" className="text-lg font-semibold">
          {t("upcoming")}
        </h2>
        {upcoming.length === 0 ? (
          <EmptyState>
            {t("noUpcoming")}{" "}
            <Link href="/" className="text-brand-dark underline">
              {t("findWorker")}
            </Link>
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {upcoming.map((a) => (
              <li key={a.id}>
                <AppointmentCard appointment={a} now={bounds.now} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {cancelled.length > 0 && (
        <section aria-labelledby="cancelled-heading" className="space-y-3">
          <h2 id="cancelled-heading" className="text-lg font-semibold">
            {t("cancelledHeading")}
          </h2>
          <ul className="space-y-3">
            {cancelled.map((a) => (
              <li key={a.id}>
                <AppointmentCard appointment={a} now={bounds.now} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="past-heading" className="space-y-3">
        <h2 id="past-heading" className="text-lg font-semibold">
          {t("past")}
        </h2>
        {past.length === 0 ? (
          <EmptyState>{t("noPast")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {past.map((a) => (
              <li key={a.id}>
                <AppointmentCard appointment={a} now={bounds.now} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
