"use client";

import { useTranslations } from "next-intl";
import { type Dispatch, type SetStateAction, useState } from "react";
import type { FieldErrors } from "@/components/lib/form-errors";
import { useItems } from "@/components/manage/use-resource";
import { Field, inputClass } from "@/components/ui/field";
import type { Location, Worker } from "@/lib/contract";
import { addDaysToDate, zonedDateOf } from "@/lib/time/zoned";

/** A range of days and, optionally, one worker and one location ("" = all), as the forms hold them. */
export type RangeFilterValues = { from: string; to: string; workerId: string; locationId: string };

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The filters a range page starts with: the last fourteen days (today included) in the browser's zone. */
export function useRangeFilters(): [RangeFilterValues, Dispatch<SetStateAction<RangeFilterValues>>] {
  const [today] = useState(() => zonedDateOf(new Date(), browserZone()));
  return useState<RangeFilterValues>({ from: addDaysToDate(today, -13), to: today, workerId: "", locationId: "" });
}

/** The filters as the stats API's query takes them: an empty worker or location is left out. */
export const rangeQuery = (filters: RangeFilterValues) => ({
  from: filters.from,
  to: filters.to,
  workerId: filters.workerId || undefined,
  locationId: filters.locationId || undefined,
});

/**
 * From, to, worker (inactive ones too, since past appointments name them) and location. Labels come
 * from `namespace` (each page keeps its own wording); `issues` are the API schema's refusals.
 */
export function RangeFilters({
  namespace,
  filters,
  onChange,
  issues,
}: {
  namespace: "reports" | "manage.stats";
  filters: RangeFilterValues;
  onChange: Dispatch<SetStateAction<RangeFilterValues>>;
  issues: FieldErrors;
}) {
  const t = useTranslations(namespace);
  const workers = useItems<Worker>("workers", { includeInactive: "true" });
  const locations = useItems<Location>("locations");
  const set = (key: keyof RangeFilterValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    onChange((f) => ({ ...f, [key]: e.target.value }));

  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Field label={t("from")} error={issues.from ? t("badDate") : undefined}>
        <input type="date" value={filters.from} onChange={set("from")} className={inputClass} />
      </Field>
      <Field label={t("to")} error={issues.to ? t("badRange") : undefined}>
        <input type="date" value={filters.to} onChange={set("to")} className={inputClass} />
      </Field>
      <Field label={t("worker")}>
        <select value={filters.workerId} onChange={set("workerId")} className={inputClass}>
          <option value="">{t("all")}</option>
          {workers.data?.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("location")}>
        <select value={filters.locationId} onChange={set("locationId")} className={inputClass}>
          <option value="">{t("all")}</option>
          {locations.data?.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
