"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch, query } from "@/components/lib/api-client";
import { zoneName } from "@/components/lib/zone-name";
import { queryKeys } from "@/components/query-keys";
import { ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { Slots } from "@/lib/contract";
import { SlotLinks } from "./slot-links";

/**
 * The free slots of a worker for a service on one local day, each a link to book it. The times are
 * wall times in the zone the API answers with, and the zone is named above them. `initial` is the
 * list the server rendered the page with, so the links are there before (or without) any script.
 * (The worker page renders SlotLinks on the server instead, and ships no script for it.)
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
  const { timezone } = slots.data;
  const text = {
    timezone: t("timezone", { timezone: zoneName(timezone, locale) }),
    empty: t("empty"),
    listLabel: t("listLabel"),
  };
  return <SlotLinks worker={worker} service={service} slots={slots.data} text={text} locale={locale} />;
}
