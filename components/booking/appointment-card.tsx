"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { isCancellable } from "@/components/lib/booking";
import { formatDateTime, formatPrice, formatTime } from "@/components/lib/format";
import type { Locale } from "@/i18n/config";
import type { Appointment } from "@/lib/contract";
import { CancelAppointment } from "./cancel-appointment";
import { RescheduleAppointment } from "./reschedule-appointment";
import { useLocationZone } from "./use-location-zone";

/** "Tuesday, 1 December, 09:00–09:30" in the zone, or the instant as given until the zone is known. */
export function useWhen(appointment: Appointment, timeZone: string | undefined) {
  const locale = useLocale() as Locale;
  if (!timeZone) return appointment.start;
  return `${formatDateTime(appointment.start, timeZone, locale)}–${formatTime(appointment.end, timeZone, locale)}`;
}

/** One appointment: what, with whom, where, when (in the location's zone), status; cancel when allowed. */
export function AppointmentCard({ appointment, now }: { appointment: Appointment; now: Date }) {
  const t = useTranslations("public.appointments");
  const locale = useLocale() as Locale;
  const timeZone = useLocationZone(appointment.location.id);
  const when = useWhen(appointment, timeZone);
  const title = appointment.service?.name ?? appointment.location.name;
  return (
    <article className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="min-w-0 space-y-1">
        <h3 className="font-semibold">
          <Link href={`/appointments/${appointment.id}`} className="hover:underline">
            {title}
          </Link>
        </h3>
        <p className="text-sm">
          <time dateTime={appointment.start}>{when}</time>
        </p>
        <p className="text-sm text-slate-600">
          {[appointment.worker?.name, appointment.location.name].filter(Boolean).join(" · ")}
          {appointment.price > 0 &&
            ` · ${appointment.currency ? formatPrice(appointment.price, appointment.currency, locale) : appointment.price}`}
        </p>
        {appointment.status !== "booked" && (
          <p className="text-sm font-medium text-slate-700">{t(`status.${appointment.status}`)}</p>
        )}
      </div>
      {isCancellable(appointment, now) && (
        <div className="flex flex-wrap gap-2">
          {timeZone && <RescheduleAppointment appointment={appointment} timeZone={timeZone} when={when} />}
          <CancelAppointment appointment={appointment} when={when} />
        </div>
      )}
    </article>
  );
}
