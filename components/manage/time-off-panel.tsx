"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { apiIssues } from "@/components/lib/form-errors";
import { formatInZone } from "@/components/lib/format";
import { aboutWorker, queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import type { Locale } from "@/i18n/config";
import type { TimeOff } from "@/lib/contract";
import { formatInstant, zonedDateOf, zonedDateTimeToInstant } from "@/lib/time/zoned";
import { timeOffBodySchema } from "@/lib/validation/schedules";
import { ConflictDetails } from "./conflict-details";
import type { ScheduleWorker } from "./weekly-schedule-form";

/** Upcoming time off of a worker, and a form to add some (wall times in the worker's zone). */
export function TimeOffPanel({ worker }: { worker: ScheduleWorker }) {
  const t = useTranslations("manage.timeOff");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const errorText = useApiErrorText();
  const client = useQueryClient();
  const today = zonedDateOf(new Date(), worker.timeZone);
  const { errors, setErrors, check } = useFieldErrors();
  const [cancelAppointments, setCancelAppointments] = useState(false);
  const list = useQuery({
    queryKey: queryKeys.timeOff.upcoming(worker.id),
    queryFn: ({ signal }) => apiFetch<{ items: TimeOff[] }>(`/workers/${worker.id}/time-off?limit=200`, { signal }),
  });
  const refresh = () => client.invalidateQueries(aboutWorker(worker.id));
  const add = useMutation({
    mutationFn: (body: unknown) => apiFetch<TimeOff>(`/workers/${worker.id}/time-off`, { method: "POST", body }),
    onSuccess: () => {
      toast.success(t("added"));
      setCancelAppointments(false);
      return refresh();
    },
    onError: (err) => {
      toast.error(errorText(err));
      setErrors(apiIssues(err));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/time-off/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      toast.success(t("removed"));
      return refresh();
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const blocked = add.error instanceof ApiError && add.error.code === "has_appointments";
  const when = (o: TimeOff) =>
    `${formatInZone(o.start, worker.timeZone, "d MMM yyyy HH:mm", locale)} – ${formatInZone(o.end, worker.timeZone, "d MMM yyyy HH:mm", locale)}`;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const instant = (date: string, time: string) => {
      const d = String(form.get(date) ?? "");
      const tm = String(form.get(time) ?? "") || "00:00";
      return d ? formatInstant(zonedDateTimeToInstant(d, tm, worker.timeZone), worker.timeZone) : "";
    };
    const body = {
      start: instant("startDate", "startTime"),
      end: instant("endDate", "endTime"),
      reason: String(form.get("reason") ?? "").trim() || null,
      cancelAppointments,
    };
    if (check(timeOffBodySchema, body)) add.mutate(body);
  }

  const conflictId = `time-off-conflicts-${worker.id}`;
  const describe = blocked ? conflictId : undefined;
  return (
    <div className="space-y-4">
      <form
        method="post"
        onSubmit={onSubmit}
        noValidate
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-3"
      >
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Field label={t("startDate")} error={errors.start} describedBy={describe}>
            <input name="startDate" type="date" defaultValue={today} className={inputClass} />
          </Field>
          <Field label={t("startTime")}>
            <input name="startTime" type="time" defaultValue="12:00" className={inputClass} />
          </Field>
          <Field label={t("endDate")} error={errors.end} describedBy={describe}>
            <input name="endDate" type="date" defaultValue={today} className={inputClass} />
          </Field>
          <Field label={t("endTime")}>
            <input name="endTime" type="time" defaultValue="13:00" className={inputClass} />
          </Field>
        </div>
        <Field label={t("reason")} error={errors.reason}>
          <input name="reason" className={inputClass} />
        </Field>
        {blocked && (
          <>
            <ConflictDetails id={conflictId} error={add.error} timeZone={worker.timeZone} />
            <label className="flex items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                checked={cancelAppointments}
                onChange={(e) => setCancelAppointments(e.target.checked)}
                className="h-4 w-4"
              />
              {t("cancelAppointments")}
            </label>
          </>
        )}
        <Button type="submit" pending={add.isPending}>
          {t("add")}
        </Button>
      </form>
      {list.isPending ? (
        <Skeleton label={common("loading")} rows={2} />
      ) : list.isError ? (
        <ErrorState
          message={common("states.loadFailed")}
          retryLabel={common("actions.retry")}
          onRetry={() => list.refetch()}
        />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-2" aria-label={t("list")}>
          {list.data.items.map((o) => (
            <li
              key={o.id}
              className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3"
            >
              <span className="flex-1 text-sm">
                {when(o)}
                {o.reason ? ` · ${o.reason}` : ""}
              </span>
              <Button
                variant="ghost"
                pending={remove.isPending && remove.variables === o.id}
                onClick={() => remove.mutate(o.id)}
                aria-label={`${common("actions.delete")}: ${when(o)}`}
              >
                {common("actions.delete")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
