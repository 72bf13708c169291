"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { apiFetch, query } from "@/components/lib/api-client";
import { validateWith } from "@/components/lib/form-errors";
import { formatInZone } from "@/components/lib/format";
import { queryKeys } from "@/components/query-keys";
import { RangeFilters, rangeQuery, useRangeFilters } from "@/components/reports/range-filters";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { DayCounts } from "@/lib/contract";
import { appointmentsPerDayQuerySchema } from "@/lib/validation/stats";

/**
 * Appointments per day as horizontal bars in a table: a screen reader reads the days and counts,
 * the bars only repeat the numbers for the eye. Horizontal bars fit a 360 px screen for any range.
 */
export function StatsChart() {
  const t = useTranslations("manage.stats");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const [filters, setFilters] = useRangeFilters();
  // The API's own query schema: a range it would refuse is not sent, and the reason shows by the field.
  const checked = validateWith(appointmentsPerDayQuerySchema, rangeQuery(filters));
  const valid = checked.ok;
  const issues = checked.ok ? {} : checked.errors;
  const stats = useQuery({
    queryKey: queryKeys.stats(filters),
    enabled: valid,
    queryFn: ({ signal }) =>
      apiFetch<DayCounts>(`/stats/appointments-per-day${query(filters)}`, { signal }).then((r) => r.items),
  });
  const max = Math.max(1, ...(stats.data ?? []).map((d) => d.count));
  const total = (stats.data ?? []).reduce((sum, d) => sum + d.count, 0);

  return (
    <div className="space-y-4">
      <RangeFilters namespace="manage.stats" filters={filters} onChange={setFilters} issues={issues} />
      {!valid ? null : stats.isPending ? (
        <Skeleton label={common("loading")} rows={4} />
      ) : stats.isError ? (
        <ErrorState
          message={common("states.loadFailed")}
          retryLabel={common("actions.retry")}
          onRetry={() => stats.refetch()}
        />
      ) : stats.data.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <table className="w-full table-fixed border-separate border-spacing-y-1 text-sm">
          <caption className="pb-2 text-left font-medium">{t("caption", { total })}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">{t("day")}</th>
              <th scope="col">{t("count")}</th>
            </tr>
          </thead>
          <tbody>
            {stats.data.map((d) => (
              <tr key={d.day}>
                <th scope="row" className="w-28 pr-2 text-left font-normal whitespace-nowrap">
                  {formatInZone(`${d.day}T12:00:00Z`, "UTC", "EEE d MMM", locale)}
                </th>
                <td>
                  <div className="flex items-center gap-2">
                    <div
                      aria-hidden="true"
                      className="h-5 rounded bg-brand"
                      style={{ width: `${(d.count / max) * 85}%`, minWidth: d.count > 0 ? "0.25rem" : 0 }}
                    />
                    <span>{d.count}</span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
