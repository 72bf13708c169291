"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch, query } from "@/components/lib/api-client";
import { formatDay, formatTime } from "@/components/lib/format";
import { aboutWorker, queryKeys } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { Location, Shift, TimeOff } from "@/lib/contract";
import { addDaysToDate, isoWeekdayOf, zonedDateOf } from "@/lib/time/zoned";
import { ConflictDetails } from "./conflict-details";
import { useItems } from "./use-resource";
import type { ScheduleWorker } from "./weekly-schedule-form";

const mondayOf = (date: string) => addDaysToDate(date, 1 - isoWeekdayOf(date));

/** The concrete shifts and time off of one week, day by day; a day per row on a phone. */
export function WeekCalendar({ worker }: { worker: ScheduleWorker }) {
  const t = useTranslations("manage.calendar");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const [monday, setMonday] = useState(() => mondayOf(zonedDateOf(new Date(), worker.timeZone)));
  const sunday = addDaysToDate(monday, 6);
  const range = query({ from: monday, to: sunday, limit: 200 });
  const shifts = useQuery({
    queryKey: queryKeys.shifts(worker.id, monday),
    queryFn: ({ signal }) => apiFetch<{ items: Shift[] }>(`/workers/${worker.id}/shifts${range}`, { signal }),
  });
  const timeOff = useQuery({
    queryKey: queryKeys.timeOff.week(worker.id, monday),
    queryFn: ({ signal }) => apiFetch<{ items: TimeOff[] }>(`/workers/${worker.id}/time-off${range}`, { signal }),
  });
  const locations = useItems<Location>("locations");
  const locationName = (id: string) => locations.data?.find((l) => l.id === id)?.name ?? "";
  const days = Array.from({ length: 7 }, (_, i) => addDaysToDate(monday, i));
  const dayOf = (instant: string) => zonedDateOf(new Date(instant), worker.timeZone);
  const time = (i: { start: string; end: string }) =>
    `${formatTime(i.start, worker.timeZone, locale)}–${formatTime(i.end, worker.timeZone, locale)}`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={() => setMonday(addDaysToDate(monday, -7))}>
          {t("previous")}
        </Button>
        <p className="font-medium" aria-live="polite">
          {t("week", { from: formatDay(monday, locale), to: formatDay(sunday, locale) })}
        </p>
        <Button variant="secondary" onClick={() => setMonday(addDaysToDate(monday, 7))}>
          {t("next")}
        </Button>
      </div>
      {shifts.isPending || timeOff.isPending ? (
        <Skeleton label={common("loading")} rows={3} />
      ) : shifts.isError || timeOff.isError ? (
        <ErrorState
          message={common("states.loadFailed")}
          retryLabel={common("actions.retry")}
          onRetry={() => {
            shifts.refetch();
            timeOff.refetch();
          }}
        />
      ) : (
        <ol className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-7" aria-label={t("label")}>
          {days.map((day) => {
            const ofDay = shifts.data.items.filter((s) => dayOf(s.start) === day);
            const offs = timeOff.data.items.filter((o) => dayOf(o.start) <= day && dayOf(o.end) >= day);
            return (
              <li key={day} className="rounded-lg border border-slate-200 bg-white p-2" data-day={day}>
                <h3 className="text-sm font-semibold">{formatDay(day, locale)}</h3>
                {ofDay.length === 0 && offs.length === 0 && <p className="text-sm text-slate-600">{t("noShifts")}</p>}
                <ul className="space-y-1">
                  {ofDay.map((shift) => (
                    <ShiftItem
                      key={shift.id}
                      shift={shift}
                      label={`${time(shift)} · ${locationName(shift.locationId)}`}
                      worker={worker}
                    />
                  ))}
                  {offs.map((off) => (
                    <li key={off.id} className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
                      {t("timeOff")} {time(off)}
                      {off.reason ? ` · ${off.reason}` : ""}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

/** One shift, with a delete that shows the booked appointments in the way and can cancel them. */
function ShiftItem({ shift, label, worker }: { shift: Shift; label: string; worker: ScheduleWorker }) {
  const t = useTranslations("manage.calendar");
  const errorText = useApiErrorText();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (cancelAppointments: boolean) =>
      apiFetch<void>(`/shifts/${shift.id}${query({ cancelAppointments: cancelAppointments ? "true" : undefined })}`, {
        method: "DELETE",
      }),
    onSuccess: () => {
      toast.success(t("shiftDeleted"));
      return client.invalidateQueries(aboutWorker(worker.id));
    },
    onError: (err) => toast.error(errorText(err)),
  });
  const blocked = remove.error && (remove.error as { code?: string }).code === "has_appointments";
  return (
    <li className="space-y-1 rounded bg-brand-light px-2 py-1 text-sm">
      <span className="block">{label}</span>
      <Button
        variant="ghost"
        className="min-h-8 px-2 py-1 text-xs"
        pending={remove.isPending}
        onClick={() => remove.mutate(false)}
        aria-label={`${t("deleteShift")}: ${label}`}
      >
        {t("deleteShift")}
      </Button>
      {blocked && (
        <>
          <ConflictDetails id={`shift-${shift.id}-conflicts`} error={remove.error} timeZone={worker.timeZone} />
          <Button variant="danger" className="text-xs" onClick={() => remove.mutate(true)} pending={remove.isPending}>
            {t("deleteAndCancel")}
          </Button>
        </>
      )}
    </li>
  );
}
