"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/components/lib/api-client";
import { formatPrice } from "@/components/lib/format";
import { takeFragmentToken } from "@/components/lib/fragment-token";
import { zoneName } from "@/components/lib/zone-name";
import type { Locale } from "@/i18n/config";
import type { Appointment } from "@/lib/contract";
import { useWhen } from "./appointment-card";
import { CancelAppointment } from "./cancel-appointment";
import { RescheduleAppointment } from "./reschedule-appointment";
import { useLocationZone } from "./use-location-zone";

type State =
  | { kind: "loading" }
  | { kind: "no_token" }
  | { kind: "invalid" }
  | { kind: "error" }
  | { kind: "ready"; token: string; appointment: Appointment };

/**
 * The guest's manage page (`/appointments/{id}/manage#token=…`): the token is read from the URL
 * fragment (which no request carries), dropped from the address bar, and sent to the API in the
 * X-Manage-Token header only. Shows the booking; moves and cancels it.
 */
export function GuestManage({ id }: { id: string }) {
  const t = useTranslations("guest");
  const [state, setState] = useState<State>({ kind: "loading" });
  useEffect(() => {
    const token = takeFragmentToken();
    if (!token) {
      setState({ kind: "no_token" });
      return;
    }
    const controller = new AbortController();
    apiFetch<Appointment>(`/appointments/${id}`, { headers: { "x-manage-token": token }, signal: controller.signal })
      .then((appointment) => setState({ kind: "ready", token, appointment }))
      .catch((err) => {
        if ((err as Error).name === "AbortError") return;
        setState({ kind: err instanceof ApiError && err.status < 500 && err.status > 0 ? "invalid" : "error" });
      });
    return () => controller.abort();
  }, [id]);
  if (state.kind === "loading") return <p aria-live="polite">{t("manageLoading")}</p>;
  if (state.kind !== "ready") {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{t("manageTitle")}</h1>
        <p role="alert">{state.kind === "no_token" ? t("noToken") : t("invalidLink")}</p>
        <Link href="/appointments" className="underline">
          {t("myAppointments")}
        </Link>
      </div>
    );
  }
  return (
    <GuestDetails
      token={state.token}
      appointment={state.appointment}
      onChange={(appointment) => setState({ ...state, appointment })}
    />
  );
}

function GuestDetails({
  token,
  appointment,
  onChange,
}: {
  token: string;
  appointment: Appointment;
  onChange: (a: Appointment) => void;
}) {
  const t = useTranslations("guest");
  const tA = useTranslations("public.appointment");
  const tList = useTranslations("public.appointments");
  const locale = useLocale() as Locale;
  const [now] = useState(() => new Date());
  const timeZone = useLocationZone(appointment.location.id, undefined);
  const when = useWhen(appointment, timeZone);
  const open = appointment.status === "booked" && new Date(appointment.start) > now;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("manageTitle")}</h1>
      {appointment.status === "cancelled" && <p role="status">{t("cancelledNow")}</p>}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        {appointment.service && (
          <>
            <dt className="font-medium text-slate-600">{tA("service")}</dt>
            <dd>{appointment.service.name}</dd>
          </>
        )}
        {appointment.worker && (
          <>
            <dt className="font-medium text-slate-600">{tA("worker")}</dt>
            <dd>{appointment.worker.name}</dd>
          </>
        )}
        <dt className="font-medium text-slate-600">{tA("location")}</dt>
        <dd>{appointment.location.name}</dd>
        <dt className="font-medium text-slate-600">{tA("when")}</dt>
        <dd>
          <time dateTime={appointment.start}>{when}</time>
          {timeZone && (
            <span className="block text-slate-600">{tA("timezone", { timezone: zoneName(timeZone, locale) })}</span>
          )}
        </dd>
        {appointment.price > 0 && (
          <>
            <dt className="font-medium text-slate-600">{tA("price")}</dt>
            <dd>
              {appointment.currency
                ? formatPrice(appointment.price, appointment.currency, locale)
                : String(appointment.price)}
            </dd>
          </>
        )}
        <dt className="font-medium text-slate-600">{tA("status")}</dt>
        <dd data-testid="appointment-status">{tList(`status.${appointment.status}`)}</dd>
      </dl>
      {open && (
        <div className="flex flex-wrap gap-3">
          {timeZone && (
            <RescheduleAppointment
              key={appointment.start}
              appointment={appointment}
              timeZone={timeZone}
              when={when}
              manageToken={token}
              onMoved={onChange}
            />
          )}
          <CancelAppointment appointment={appointment} when={when} manageToken={token} onCancelled={onChange} />
        </div>
      )}
      {appointment.status === "cancelled" && (
        <Link href="/" className="underline">
          {t("bookAgain")}
        </Link>
      )}
    </div>
  );
}
