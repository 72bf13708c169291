"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { apiIssues } from "@/components/lib/form-errors";
import { aboutWorker, queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import type { Location, WeeklySchedule } from "@/lib/contract";
import { zonedDateOf } from "@/lib/time/zoned";
import { weeklyScheduleBodySchema } from "@/lib/validation/schedules";
import { ConflictDetails, conflictIntervals } from "./conflict-details";
import { useItems } from "./use-resource";

type Rule = WeeklySchedule["rules"][number];
export type ScheduleWorker = { id: string; slug: string; name: string; locationId: string | null; timeZone: string };

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The worker's stored weekly schedule, or null when there is none yet (404). */
function useStoredSchedule(workerId: string) {
  return useQuery({
    queryKey: queryKeys.weeklySchedule(workerId),
    queryFn: ({ signal }) =>
      apiFetch<WeeklySchedule>(`/workers/${workerId}/weekly-schedule`, { signal }).catch((err) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
  });
}

export function WeeklyScheduleEditor({ worker }: { worker: ScheduleWorker }) {
  const stored = useStoredSchedule(worker.id);
  const locations = useItems<Location>("locations");
  const common = useTranslations("common");
  if (stored.isPending || locations.isPending) return <Skeleton label={common("loading")} rows={4} />;
  if (stored.isError || locations.isError) {
    return (
      <ErrorState
        message={common("states.loadFailed")}
        retryLabel={common("actions.retry")}
        onRetry={() => {
          stored.refetch();
          locations.refetch();
        }}
      />
    );
  }
  return <WeeklyScheduleForm worker={worker} stored={stored.data} locations={locations.data} />;
}

function WeeklyScheduleForm({
  worker,
  stored,
  locations,
}: {
  worker: ScheduleWorker;
  stored: WeeklySchedule | null;
  locations: Location[];
}) {
  const t = useTranslations("manage.schedule");
  const errorText = useApiErrorText();
  const client = useQueryClient();
  const [rules, setRules] = useState<Rule[]>(stored?.rules ?? []);
  const [locationId, setLocationId] = useState(stored?.locationId ?? worker.locationId ?? locations[0]?.id ?? "");
  const [from, setFrom] = useState(stored?.from ?? zonedDateOf(new Date(), worker.timeZone));
  const [until, setUntil] = useState(stored?.until ?? "");
  const { errors, setErrors, check } = useFieldErrors();
  const location = locations.find((l) => l.id === locationId);

  const apply = useMutation({
    mutationFn: (body: unknown) =>
      apiFetch<{ shifts: unknown[] }>(`/workers/${worker.id}/weekly-schedule`, { method: "PUT", body }),
    onSuccess: (result) => {
      toast.success(t("applied", { count: result.shifts.length }));
      return client.invalidateQueries(aboutWorker(worker.id));
    },
    onError: (err) => {
      toast.error(errorText(err));
      setErrors(apiIssues(err));
    },
  });
  const conflict = conflictIntervals(apply.error).length > 0 ? apply.error : null;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = { locationId, from, until: until || null, rules };
    if (check(weeklyScheduleBodySchema, body)) apply.mutate(body);
  }

  const update = (index: number, patch: Partial<Rule>) =>
    setRules((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const conflictId = `schedule-conflicts-${worker.id}`;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("weeklyTitle")}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Field label={t("location")} error={errors.locationId}>
          <select value={locationId} onChange={(e) => setLocationId(e.target.value)} className={inputClass}>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("from")} error={errors.from} describedBy={conflict ? conflictId : undefined}>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} className={inputClass} />
        </Field>
        <Field
          label={t("until")}
          hint={t("untilHint")}
          error={errors.until}
          describedBy={conflict ? conflictId : undefined}
        >
          <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} className={inputClass} />
        </Field>
      </div>
      <div className="space-y-3">
        {WEEKDAYS.map((weekday) => {
          const dayName = t(`weekdays.${weekday}`);
          const ofDay = rules.map((r, index) => ({ r, index })).filter(({ r }) => r.weekday === weekday);
          return (
            <fieldset key={weekday} className="rounded-lg border border-slate-200 bg-white p-3">
              <legend className="px-1 text-sm font-semibold">{dayName}</legend>
              {ofDay.length === 0 && <p className="text-sm text-slate-600">{t("dayOff")}</p>}
              <ul className="space-y-2">
                {ofDay.map(({ r, index }, n) => {
                  const rowError =
                    errors[`rules.${index}.end`] ?? errors[`rules.${index}.start`] ?? errors[`rules.${index}`];
                  const errorId = `rule-${index}-error`;
                  return (
                    <li key={index} className="flex flex-wrap items-end gap-2">
                      <label className="text-sm">
                        <span className="block font-medium">{t("start", { day: dayName, n: n + 1 })}</span>
                        <input
                          type="time"
                          value={r.start}
                          onChange={(e) => update(index, { start: e.target.value })}
                          className={`${inputClass} w-32`}
                          aria-invalid={rowError ? true : undefined}
                          aria-describedby={rowError ? errorId : conflict ? conflictId : undefined}
                        />
                      </label>
                      <label className="text-sm">
                        <span className="block font-medium">{t("end", { day: dayName, n: n + 1 })}</span>
                        <input
                          type="time"
                          value={r.end === "24:00" ? "23:59" : r.end}
                          onChange={(e) => update(index, { end: e.target.value })}
                          className={`${inputClass} w-32`}
                          aria-invalid={rowError ? true : undefined}
                          aria-describedby={rowError ? errorId : conflict ? conflictId : undefined}
                        />
                      </label>
                      <Button variant="ghost" onClick={() => setRules((all) => all.filter((_, i) => i !== index))}>
                        {t("removeInterval", { day: dayName, n: n + 1 })}
                      </Button>
                      {rowError && (
                        <p id={errorId} className="w-full text-sm text-red-700">
                          {rowError}
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
              <Button
                variant="secondary"
                className="mt-2"
                onClick={() => setRules((all) => [...all, nextInterval(all, weekday)])}
              >
                {t("addInterval", { day: dayName })}
              </Button>
            </fieldset>
          );
        })}
      </div>
      {conflict && location && <ConflictDetails id={conflictId} error={conflict} timeZone={location.timezone} />}
      <Button type="submit" pending={apply.isPending}>
        {t("apply")}
      </Button>
    </form>
  );
}

/** A new interval after the day's last one (morning first, then evening), or 09:00-17:00. */
function nextInterval(rules: Rule[], weekday: number): Rule {
  const last = rules
    .filter((r) => r.weekday === weekday)
    .sort((a, b) => a.end.localeCompare(b.end))
    .at(-1);
  if (!last || last.end >= "23:00") return { weekday, start: "09:00", end: "17:00" };
  const [h = 0] = last.end.split(":").map(Number);
  const end = Math.min(h + 2, 23);
  return { weekday, start: last.end, end: `${String(end).padStart(2, "0")}:${end === 23 ? "59" : last.end.slice(3)}` };
}
