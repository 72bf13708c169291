"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { isCancellable } from "@/components/lib/booking";
import { formatPrice } from "@/components/lib/format";
import { zoneName } from "@/components/lib/zone-name";
import { NotificationsPanel } from "@/components/notifications/notifications-panel";
import { queryKeys } from "@/components/query-keys";
import { ErrorState, Skeleton } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { Appointment } from "@/lib/contract";
import { useWhen } from "./appointment-card";
import { CancelAppointment } from "./cancel-appointment";
import { RescheduleAppointment } from "./reschedule-appointment";
import { useLocationZone } from "./use-location-zone";

/**
 * The confirmation page's body: the appointment, an "add to calendar" link, and cancel. `initial`
 * and `timeZone` are what the server rendered the page with, so it reads right without script.
 */
export function ClientAppointmentDetails({
  id,
  initial,
  timeZone,
}: {
  id: string;
  initial?: Appointment;
  timeZone?: string;
}) {
  const t = useTranslations("public.appointment");
  const appointment = useQuery({
    queryKey: queryKeys.appointment(id),
    queryFn: ({ signal }) => apiFetch<Appointment>(`/appointments/${id}`, { signal }),
    initialData: initial,
  });
  if (appointment.isPending) return <Skeleton rows={3} label={t("loading")} />;
  if (appointment.isError) {
    const missing = appointment.error instanceof ApiError && appointment.error.status === 404;
    return (
      <ErrorState
        message={missing ? t("notFound") : t("error")}
        retryLabel={t("retry")}
        onRetry={missing ? undefined : () => appointment.refetch()}
      />
    );
  }
  return <Details appointment={appointment.data} initialZone={timeZone} />;
}

function Details({ appointment, initialZone }: { appointment: Appointment; initialZone?: string }) {
  const t = useTranslations("public.appointment");
  const tList = useTranslations("public.appointments");
  const locale = useLocale() as Locale;
  const [now] = useState(() => new Date());
  const timeZone = useLocationZone(appointment.location.id, initialZone);
  const when = useWhen(appointment, timeZone);
  const upcoming = appointment.status === "booked" && new Date(appointment.end) > now;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{upcoming ? t("bookedTitle") : t("title")}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        {appointment.service && (
          <>
            <dt className="font-medium text-slate-600">{t("service")}</dt>
            <dd>{appointment.service.name}</dd>
          </>
        )}
        {appointment.worker && (
          <>
            <dt className="font-medium text-slate-600">{t("worker")}</dt>
            <dd>
              <Link href={`/workers/${appointment.worker.slug}`} className="underline">
                {appointment.worker.name}
              </Link>
            </dd>
          </>
        )}
        <dt className="font-medium text-slate-600">{t("location")}</dt>
        <dd>{appointment.location.name}</dd>
        <dt className="font-medium text-slate-600">{t("when")}</dt>
        <dd>
          <time dateTime={appointment.start}>{when}</time>
          {timeZone && (
            <span className="block text-slate-600">{t("timezone", { timezone: zoneName(timeZone, locale) })}</span>
          )}
        </dd>
        {appointment.price > 0 && (
          <>
            <dt className="font-medium text-slate-600">{t("price")}</dt>
            <dd>
              {appointment.currency
                ? formatPrice(appointment.price, appointment.currency, locale)
                : String(appointment.price)}
            </dd>
          </>
        )}
        <dt className="font-medium text-slate-600">{t("status")}</dt>
        <dd>{tList(`status.${appointment.status}`)}</dd>
      </dl>
      <div className="flex flex-wrap gap-3">
        {appointment.status === "booked" && (
          <a
            href={`/api/v1/appointments/${appointment.id}/ics`}
            download={`appointment-${appointment.id}.ics`}
            className="inline-flex min-h-10 items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark"
          >
            {t("addToCalendar")}
          </a>
        )}
        {isCancellable(appointment, now) && timeZone && (
          <RescheduleAppointment key={appointment.start} appointment={appointment} timeZone={timeZone} when={when} />
        )}
        {isCancellable(appointment, now) && <CancelAppointment appointment={appointment} when={when} />}
        <Link
          href="/appointments"
          className="inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-medium text-brand-dark underline"
        >
          {t("allAppointments")}
        </Link>
      </div>
      <NotificationsPanel
        key={`${appointment.id}:${appointment.status}:${appointment.start}`}
        appointmentId={appointment.id}
        timeZone={timeZone}
      />
    </div>
  );
}
