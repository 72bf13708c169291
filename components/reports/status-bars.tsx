"use client";

import { useTranslations } from "next-intl";
import type { StatsGroup } from "@/lib/contract";

/** The statuses a bar is made of, left to right, with their colours (the legend shows the same). */
export const BAR_PARTS = [
  { key: "completed", className: "bg-emerald-600" },
  { key: "booked", className: "bg-brand" },
  { key: "noShow", className: "bg-amber-500" },
  { key: "cancelled", className: "bg-slate-400" },
] as const;

const total = (g: StatsGroup) => g.completed + g.booked + g.noShow + g.cancelled;

/**
 * One horizontal stacked bar per group in a table: a screen reader reads the row's label and each
 * status's count (cells hidden from the eye), the bar only repeats them for sighted users, and the
 * total is printed beside it. Horizontal bars fit a 360 px screen whatever the number of rows.
 */
export function StatusBars({
  caption,
  labelHeader,
  groups,
  labelOf,
}: {
  caption: string;
  labelHeader: string;
  groups: StatsGroup[];
  labelOf: (g: StatsGroup) => string;
}) {
  const t = useTranslations("reports");
  const max = Math.max(1, ...groups.map(total));
  return (
    <table className="w-full table-fixed border-separate border-spacing-y-1 text-sm">
      <caption className="pb-2 text-left font-medium">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{labelHeader}</th>
          {BAR_PARTS.map((p) => (
            <th key={p.key} scope="col">
              {t(p.key)}
            </th>
          ))}
          <th scope="col">{t("total")}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key ?? "none"}>
            <th scope="row" className="w-28 truncate pr-2 text-left font-normal sm:w-44">
              {labelOf(g)}
            </th>
            {BAR_PARTS.map((p) => (
              <td key={p.key} className="sr-only">
                {g[p.key]}
              </td>
            ))}
            <td>
              <div className="flex items-center gap-2">
                <div
                  aria-hidden="true"
                  className="flex h-5 overflow-hidden rounded"
                  style={{ width: `${(total(g) / max) * 85}%` }}
                >
                  {BAR_PARTS.map((p) =>
                    g[p.key] > 0 ? (
                      <div key={p.key} className={p.className} style={{ width: `${(g[p.key] / total(g)) * 100}%` }} />
                    ) : null,
                  )}
                </div>
                <span>{total(g)}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The colours of the bars, named; decorative swatches beside words. */
export function BarLegend() {
  const t = useTranslations("reports");
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("legend")}>
      {BAR_PARTS.map((p) => (
        <li key={p.key} className="flex items-center gap-1">
          <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${p.className}`} />
          {t(p.key)}
        </li>
      ))}
    </ul>
  );
}
