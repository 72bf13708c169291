"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch, query } from "@/components/lib/api-client";
import { formatDateTime } from "@/components/lib/format";
import { queryKeys } from "@/components/query-keys";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { WaitlistEntryJson } from "@/lib/contract";

type List = { items: WaitlistEntryJson[] };

/** The desk's waitlist of one day: everyone waiting for it, in order of joining (GET /waitlist?date=). */
export function DeskWaitlist({ date }: { date: string }) {
  const t = useTranslations("waitlist.desk");
  const locale = useLocale() as Locale;
  const list = useQuery({
    queryKey: queryKeys.waitlist.day(date),
    queryFn: ({ signal }) => apiFetch<List>(`/waitlist${query({ date, limit: 200 })}`, { signal }),
  });

  return (
    <section aria-labelledby="desk-waitlist-heading" className="space-y-2">
      <h2 id="desk-waitlist-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {list.isPending ? (
        <Skeleton rows={1} label={t("loading")} />
      ) : list.isError ? (
        <ErrorState message={t("error")} retryLabel={t("retry")} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {list.data.items.map((entry) => (
            <li key={entry.id} className="grid gap-1 p-3 text-sm sm:grid-cols-4 sm:gap-3">
              <div className="min-w-0">
                <span className="sr-only">{t("client")}: </span>
                <span className="font-medium">{entry.client.name}</span>
                {entry.client.phone && <span className="block text-slate-600">{entry.client.phone}</span>}
              </div>
              <div className="min-w-0 sm:col-span-2">
                <span className="sr-only">{t("wants")}: </span>
                {entry.service.name} · {entry.worker?.name ?? t("anyWorker")} ·{" "}
                {entry.from || entry.to ? `${entry.from ?? "00:00"}–${entry.to ?? "24:00"}` : t("wholeDay")}
              </div>
              <div className="text-slate-600">
                <span className="sr-only">{t("status")}: </span>
                {t(`statuses.${entry.status}`)}
                <span className="block text-xs">
                  {t("joined")}: {formatDateTime(entry.createdAt, entry.timezone, locale)}
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
