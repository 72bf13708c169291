"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch, query } from "@/components/lib/api-client";
import { formatTime } from "@/components/lib/format";
import { zoneName } from "@/components/lib/zone-name";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/i18n/config";
import type { Appointment, Business, Slots } from "@/lib/contract";
import { durationText } from "./policy-duration";

/** The local calendar day of an instant in a zone, `YYYY-MM-DD`. */
const localDay = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );

/**
 * "Reschedule": another free time of the same worker and service (the slots the API offers that
 * day), moved with PATCH { start } in one step; the old time is free as the API answers. The
 * business's reschedule cut-off is said before it bites. `manageToken`: a guest's manage link
 * (sent as X-Manage-Token, never in a URL).
 */
export function RescheduleAppointment({
  appointment,
  timeZone,
  when,
  manageToken,
  onMoved,
}: {
  appointment: Appointment;
  timeZone: string;
  when: string;
  manageToken?: string;
  onMoved?: (moved: Appointment) => void;
}) {
  const t = useTranslations("guest");
  const policyT = useTranslations("policy");
  const locale = useLocale() as Locale;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(() => localDay(appointment.start, timeZone));
  const [chosen, setChosen] = useState<string | null>(null);
  const dayId = useId();
  const worker = appointment.worker;
  const service = appointment.service;
  const business = useQuery({
    queryKey: ["business"],
    queryFn: ({ signal }) => apiFetch<Business>("/business", { signal }),
    enabled: open,
  });
  const slots = useQuery({
    queryKey: queryKeys.slots.day(worker?.id, service?.id, day),
    queryFn: ({ signal }) =>
      apiFetch<Slots>(`/workers/${worker?.id}/slots${query({ service: service?.id, date: day })}`, { signal }),
    enabled: open && Boolean(worker && service && day),
  });
  const move = useMutation({
    mutationFn: (start: string) =>
      apiFetch<Appointment>(`/appointments/${appointment.id}`, {
        method: "PATCH",
        body: { start },
        headers: manageToken ? { "x-manage-token": manageToken } : undefined,
      }),
    onSuccess: (moved) => {
      setOpen(false);
      setChosen(null);
      toast.success(t("moved"));
      queryClient.setQueryData(queryKeys.appointment(moved.id), moved);
      queryClient.invalidateQueries({ queryKey: queryKeys.appointments.all });
      queryClient.invalidateQueries({ queryKey: queryKeys.slots.all });
      onMoved?.(moved);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === "cutoff_passed") {
        const duration = durationText(Number(err.details.cutoffMinutes), (unit, values) => policyT(unit, values));
        toast.error(t("refusedMove", { duration }));
      } else if (err instanceof ApiError && err.code === "slot_taken") {
        toast.error(t("slotTaken"));
        queryClient.invalidateQueries({ queryKey: queryKeys.slots.all });
      } else toast.error(err instanceof ApiError ? err.message : t("moveFailed"));
    },
  });
  if (!worker || !service) return null;
  const what = service.name;
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={t("rescheduleLabel", { what, when })}>
        {t("reschedule")}
      </Button>
    );
  }
  const cutoff = business.data?.policy.rescheduleCutoffMinutes;
  const list = (slots.data?.slots ?? []).filter((s) => s.start !== appointment.start);
  const zone = slots.data?.timezone ?? timeZone;
  return (
    <section
      aria-label={t("rescheduleTitle")}
      className="w-full space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 className="text-base font-semibold">{t("rescheduleTitle")}</h2>
      {cutoff !== undefined && (
        <p className="text-sm text-slate-600">
          {cutoff > 0
            ? policyT("rescheduleUntil", {
                duration: durationText(cutoff, (unit, values) => policyT(unit, values)),
              })
            : policyT("rescheduleAnytime")}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={dayId} className="text-sm font-medium">
          {t("day")}
        </label>
        <input
          id={dayId}
          type="date"
          value={day}
          onChange={(e) => {
            setDay(e.target.value);
            setChosen(null);
          }}
          className="min-h-10 rounded-md border border-slate-300 px-2"
        />
      </div>
      <p className="text-sm text-slate-600">{t("timezone", { timezone: zoneName(zone, locale) })}</p>
      {slots.isPending ? (
        <p className="text-sm">{t("loadingTimes")}</p>
      ) : slots.isError ? (
        <p className="text-sm text-red-700">{t("timesError")}</p>
      ) : list.length === 0 ? (
        <p className="text-sm">{t("noTimes")}</p>
      ) : (
        <ul aria-label={t("timesLabel")} className="grid grid-cols-3 gap-2 sm:grid-cols-6">
          {list.map((slot) => (
            <li key={slot.start}>
              <button
                type="button"
                aria-pressed={chosen === slot.start}
                onClick={() => setChosen(slot.start)}
                className={`flex min-h-10 w-full items-center justify-center rounded-md border px-2 py-2 text-sm font-medium ${
                  chosen === slot.start
                    ? "border-brand bg-brand text-white"
                    : "border-brand bg-white text-brand-dark hover:bg-brand-light"
                }`}
              >
                <time dateTime={slot.start}>{formatTime(slot.start, zone, locale)}</time>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        <Button disabled={!chosen || move.isPending} onClick={() => chosen && move.mutate(chosen)}>
          {chosen ? t("moveTo", { time: formatTime(chosen, zone, locale) }) : t("reschedule")}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t("close")}
        </Button>
      </div>
    </section>
  );
}
