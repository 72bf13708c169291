import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/components/lib/format";
import type { Locale } from "@/i18n/config";
import type { Business } from "@/lib/contract";
import { durationText } from "./policy-duration";

type Policy = Business["policy"];

const MINUTE = 60_000;

/** A booked appointment the note is about: its own deadlines are given as times in its zone. */
type Booked = { start: string; timeZone: string; now: Date };

/**
 * The business's booking rules in plain words, shown before they bite: on the booking confirmation,
 * an appointment's page (with that appointment's own deadlines) and My appointments (API.md v1
 * extensions "Business profile and policies"). Server-rendered.
 */
export async function PolicyNote({
  policy,
  appointment,
  className,
}: {
  policy: Policy;
  appointment?: Booked;
  className?: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("policy"), getLocale() as Promise<Locale>]);
  // "Cancel online until Tue 9 Jun, 15:00", or that it has closed, for a booked appointment.
  const deadline = (cutoffMinutes: number, open: "cancelBy" | "moveBy", closed: "cancelClosed" | "moveClosed") => {
    if (!appointment || cutoffMinutes <= 0) return [];
    const at = new Date(Date.parse(appointment.start) - cutoffMinutes * MINUTE);
    const time = formatDateTime(at, appointment.timeZone, locale);
    return [t(at.getTime() >= appointment.now.getTime() ? open : closed, { time })];
  };
  const duration = (minutes: number) => durationText(minutes, (unit, values) => t(unit, values));
  const cut = policy.cancelCutoffMinutes > 0 || policy.rescheduleCutoffMinutes > 0;
  const rules = [
    ...(policy.minNoticeMinutes > 0 ? [t("notice", { duration: duration(policy.minNoticeMinutes) })] : []),
    policy.cancelCutoffMinutes > 0
      ? t("cancelUntil", { duration: duration(policy.cancelCutoffMinutes) })
      : t("cancelAnytime"),
    policy.rescheduleCutoffMinutes > 0
      ? t("rescheduleUntil", { duration: duration(policy.rescheduleCutoffMinutes) })
      : t("rescheduleAnytime"),
    ...(policy.maxUpcomingPerClient !== null ? [t("maxUpcoming", { count: policy.maxUpcomingPerClient })] : []),
    ...(cut ? [t("later")] : []),
    ...deadline(policy.cancelCutoffMinutes, "cancelBy", "cancelClosed"),
    ...deadline(policy.rescheduleCutoffMinutes, "moveBy", "moveClosed"),
  ];
  return (
    <section
      aria-labelledby="policy-heading"
      className={`rounded-lg border border-slate-200 bg-white p-4 text-sm ${className ?? ""}`}
    >
      <h2 id="policy-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
        {rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
    </section>
  );
}

/** Why a confirmation without script came back: the client holds as many upcoming appointments as allowed. */
export async function MaxUpcomingRefusal() {
  const t = await getTranslations("policy");
  return (
    <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      {t("refusedMaxUpcoming")}{" "}
      <Link href="/appointments" className="font-medium underline">
        {t("myAppointments")}
      </Link>
    </p>
  );
}
