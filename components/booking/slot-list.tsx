"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch, query } from "@/components/lib/api-client";
import { formatTime } from "@/components/lib/format";
import { queryKeys } from "@/components/query-keys";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { Slots } from "@/lib/contract";

/**
 * The free slots of a worker for a service on one local day, each a link to book it. The times are
 * wall times in the zone the API answers with, and the zone is named above them. `initial` is the
 * list the server rendered the page with, so the links are there before (or without) any script.
 */
export function SlotList({
  worker,
  service,
  date,
  initial,
}: {
  worker: string;
  service: string;
  date: string;
  initial?: Slots;
}) {
  const t = useTranslations("public.slots");
  const locale = useLocale() as Locale;
  const slots = useQuery({
    queryKey: queryKeys.slots.day(worker, service, date),
    queryFn: ({ signal }) =>
      apiFetch<Slots>(`/workers/${encodeURIComponent(worker)}/slots${query({ service, date })}`, { signal }),
    initialData: initial,
  });
  if (slots.isPending) return <Skeleton rows={2} label={t("loading")} />;
  if (slots.isError) {
    return <ErrorState message={t("error")} retryLabel={t("retry")} onRetry={() => slots.refetch()} />;
  }
  const { timezone, slots: list } = slots.data;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("timezone", { timezone })}</p>
      {list.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul aria-label={t("listLabel")} className="grid grid-cols-3 gap-2 sm:grid-cols-6">
          {list.map((slot) => (
            <li key={slot.start}>
              <Link
                href={`/book${query({ worker, service, start: slot.start })}`}
                className="flex min-h-10 items-center justify-center rounded-md border border-brand bg-white px-2 py-2 text-sm font-medium text-brand-dark hover:bg-brand-light"
              >
                <time dateTime={slot.start}>{formatTime(slot.start, timezone, locale)}</time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
