"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch, query } from "@/components/lib/api-client";
import { validateWith } from "@/components/lib/form-errors";
import { formatPrice, formatShortDay } from "@/components/lib/format";
import { queryKeys } from "@/components/query-keys";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { StatsSummary } from "@/lib/contract";
import { statsSummaryQuerySchema } from "@/lib/validation/stats";
import { RangeFilters, type RangeFilterValues, rangeQuery, useRangeFilters } from "./range-filters";
import { BarLegend, StatusBars } from "./status-bars";

/** The figures of a range as GET /stats/summary gives them, broken down by `groupBy`. */
function useSummary(filters: RangeFilterValues, groupBy: "day" | "worker", enabled: boolean) {
  const params = { ...filters, groupBy };
  return useQuery({
    queryKey: queryKeys.stats(params),
    enabled,
    queryFn: ({ signal }) => apiFetch<StatsSummary>(`/stats/summary${query(params)}`, { signal }),
  });
}

/**
 * The reports page: a range, worker and location; the summary's figures; appointments per day and
 * per worker as bars; and the range's appointments as a CSV download.
 */
export function ReportsView() {
  const t = useTranslations("reports");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const [filters, setFilters] = useRangeFilters();
  // The API's own query schema: a range it would refuse is not sent, and the reason shows by the field.
  const picked = rangeQuery(filters);
  const checked = validateWith(statsSummaryQuerySchema, picked);
  const issues = checked.ok ? {} : checked.errors;
  const byDay = useSummary(filters, "day", checked.ok);
  const byWorker = useSummary(filters, "worker", checked.ok);
  const percent = (value: number) =>
    new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-US", { style: "percent", maximumFractionDigits: 1 }).format(
      value,
    );
  const hours = (minutes: number) =>
    new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-US", { maximumFractionDigits: 1 }).format(minutes / 60);
  const summary = byDay.data;

  return (
    <div className="space-y-6">
      <section aria-labelledby="reports-filters" className="space-y-3">
        <h2 id="reports-filters" className="sr-only">
          {t("filters")}
        </h2>
        <RangeFilters namespace="reports" filters={filters} onChange={setFilters} issues={issues} />
        {checked.ok && (
          <p className="text-sm">
            <a
              href={`/api/v1/reports/appointments.csv${query(picked)}`}
              download
              className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50"
            >
              {t("download")}
            </a>
            <span className="ml-2 text-slate-600">{t("downloadHint")}</span>
          </p>
        )}
      </section>

      {!checked.ok ? null : byDay.isPending ? (
        <Skeleton label={common("loading")} rows={4} />
      ) : byDay.isError || !summary ? (
        <ErrorState
          message={common("states.loadFailed")}
          retryLabel={common("actions.retry")}
          onRetry={() => byDay.refetch()}
        />
      ) : (
        <>
          <section aria-labelledby="reports-summary" className="space-y-3">
            <h2 id="reports-summary" className="text-xl font-semibold">
              {t("summary")}
            </h2>
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {(
                [
                  ["booked", String(summary.booked)],
                  ["completed", String(summary.completed)],
                  ["cancelled", String(summary.cancelled)],
                  ["noShow", String(summary.noShow)],
                  ["noShowRate", percent(summary.noShowRate)],
                  [
                    "revenue",
                    summary.revenue.length === 0
                      ? t("revenueNone")
                      : summary.revenue.map((r) => formatPrice(r.amount, r.currency, locale)).join(" · "),
                  ],
                  ["utilisation", percent(summary.utilisation)],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="rounded-lg border border-slate-200 bg-white p-3">
                  <dt className="text-sm text-slate-600">{t(key)}</dt>
                  <dd className="text-xl font-semibold break-words" data-testid={`report-${key}`}>
                    {value}
                  </dd>
                  {key === "utilisation" && (
                    <dd className="text-xs text-slate-600">
                      {t("utilisationOf", { booked: hours(summary.bookedMinutes), shift: hours(summary.shiftMinutes) })}
                    </dd>
                  )}
                </div>
              ))}
            </dl>
          </section>
          <BarLegend />
          <section aria-labelledby="reports-per-day" className="space-y-3">
            <h2 id="reports-per-day" className="text-xl font-semibold">
              {t("perDay")}
            </h2>
            <StatusBars
              caption={t("perDayCaption")}
              labelHeader={t("day")}
              groups={summary.groups ?? []}
              labelOf={(g) => formatShortDay(g.key ?? "", locale)}
            />
          </section>
          <section aria-labelledby="reports-per-worker" className="space-y-3">
            <h2 id="reports-per-worker" className="text-xl font-semibold">
              {t("perWorker")}
            </h2>
            {byWorker.isPending ? (
              <Skeleton label={common("loading")} rows={2} />
            ) : byWorker.isError ? (
              <ErrorState
                message={common("states.loadFailed")}
                retryLabel={common("actions.retry")}
                onRetry={() => byWorker.refetch()}
              />
            ) : (byWorker.data.groups ?? []).length === 0 ? (
              <EmptyState>{t("empty")}</EmptyState>
            ) : (
              <StatusBars
                caption={t("perWorkerCaption")}
                labelHeader={t("workerColumn")}
                groups={byWorker.data.groups ?? []}
                labelOf={(g) => g.label ?? t("noWorker")}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
