"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, query } from "@/components/lib/api-client";
import { formatInZone, formatPrice, formatTime } from "@/components/lib/format";
import { NotificationsPanel } from "@/components/notifications/notifications-panel";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { Appointment } from "@/lib/contract";
import { formatInstant, zonedDateOf } from "@/lib/time/zoned";

type Props = {
  appointment: Appointment;
  timeZone: string;
  onReschedule: (start: string, end: string) => void;
  onStatus: (status: "completed" | "no_show") => void;
  onCancelAppointment: () => void;
};

/** An appointment's details and what the desk can do with it. */
export function DeskAppointmentDetails({
  appointment: a,
  timeZone,
  onReschedule,
  onStatus,
  onCancelAppointment,
}: Props) {
  const t = useTranslations("admin.appointment");
  const locale = useLocale() as Locale;
  const [rescheduling, setRescheduling] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const booked = a.status === "booked";
  const rows: [string, string][] = [
    [
      t("when"),
      `${formatInZone(a.start, timeZone, "EEEE d MMMM yyyy, HH:mm", locale)}–${formatTime(a.end, timeZone, locale)}`,
    ],
    [t("client"), [a.client.name, a.client.phone, a.client.email].filter(Boolean).join(" · ")],
    [t("service"), a.service?.name ?? "—"],
    [t("worker"), a.worker?.name ?? "—"],
    [t("status"), t(`statuses.${a.status}`)],
  ];
  if (a.price !== null) rows.push([t("price"), formatPrice(Number(a.price), a.currency ?? "RUB", locale)]);
  if (a.notes) rows.push([t("notes"), a.notes]);

  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-2">
        {booked && (
          <>
            <Button variant="secondary" onClick={() => setRescheduling((v) => !v)} aria-expanded={rescheduling}>
              {t("reschedule")}
            </Button>
            <Button variant="secondary" onClick={() => onStatus("completed")}>
              {t("markCompleted")}
            </Button>
            <Button variant="secondary" onClick={() => onStatus("no_show")}>
              {t("markNoShow")}
            </Button>
          </>
        )}
        <a
          href={`/api/v1/appointments/${a.id}/ics`}
          download
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
        >
          {t("ics")}
        </a>
        {booked &&
          (confirmCancel ? (
            <Button variant="danger" onClick={onCancelAppointment}>
              {t("confirmCancel")}
            </Button>
          ) : (
            <Button variant="ghost" onClick={() => setConfirmCancel(true)}>
              {t("cancel")}
            </Button>
          ))}
      </div>
      {rescheduling && a.worker && a.service && (
        <SlotPicker appointment={a} timeZone={timeZone} onPick={onReschedule} />
      )}
      <NotificationsPanel key={`${a.id}:${a.status}:${a.start}`} appointmentId={a.id} timeZone={timeZone} />
    </div>
  );
}

/** Free slots of the same worker and service on a chosen day; picking one moves the appointment there. */
function SlotPicker({
  appointment: a,
  timeZone,
  onPick,
}: {
  appointment: Appointment;
  timeZone: string;
  onPick: (start: string, end: string) => void;
}) {
  const t = useTranslations("admin.appointment");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const [date, setDate] = useState(zonedDateOf(new Date(a.start), timeZone));
  const length = new Date(a.end).getTime() - new Date(a.start).getTime();
  const slots = useQuery({
    queryKey: queryKeys.slots.day(a.worker?.id, a.service?.id, date),
    enabled: date !== "",
    queryFn: ({ signal }) =>
      apiFetch<{ slots: { start: string; end: string }[] }>(
        `/workers/${a.worker?.id}/slots${query({ service: a.service?.id, date })}`,
        { signal },
      ).then((r) => r.slots),
  });
  return (
    <section aria-label={t("pickSlot")} className="space-y-2 rounded-md border border-slate-200 p-3">
      <Field label={t("newDate")}>
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} className={inputClass} />
      </Field>
      {slots.isPending ? (
        <Skeleton label={common("loading")} rows={1} />
      ) : slots.isError ? (
        <ErrorState
          message={common("states.loadFailed")}
          retryLabel={common("actions.retry")}
          onRetry={() => slots.refetch()}
        />
      ) : slots.data.length === 0 ? (
        <EmptyState>{t("noSlots")}</EmptyState>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={t("slots")}>
          {slots.data.map((s) => {
            const start = new Date(s.start);
            const label = formatTime(s.start, timeZone, locale);
            return (
              <li key={s.start}>
                <Button
                  variant="secondary"
                  onClick={() =>
                    onPick(formatInstant(start, timeZone), formatInstant(new Date(start.getTime() + length), timeZone))
                  }
                  aria-label={t("moveTo", { time: label })}
                >
                  {label}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
