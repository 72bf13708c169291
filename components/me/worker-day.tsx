"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ErrorState, Skeleton } from "@/components/ui/states";
import type { OwnWorker } from "@/lib/schedule/own-worker";
import { AppointmentItem } from "./appointment-item";
import {
  appointmentsPath,
  type DayList,
  dayKeys,
  getDated,
  localDate,
  type TimeOffList,
  timeOffPath,
  weekOf,
} from "./day-data";
import { useKeptForOffline } from "./keep-offline";
import { TimeOffSection } from "./time-off-section";
import { useOnline } from "./use-online";
import { clockIn } from "./zoned";

/** The clock, ticking each half minute: status buttons appear once an appointment has started. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function WorkerDay({ worker }: { worker: OwnWorker }) {
  const t = useTranslations("day");
  const format = useFormatter();
  const online = useOnline();
  const now = useNow();
  // Fixed for the life of the page, so the reads (and what the service worker keeps) stay the same.
  const [week] = useState(() => weekOf(worker.timezone));
  const appointments = useQuery({
    queryKey: dayKeys.appointments(week.today, week.last),
    queryFn: ({ signal }) => getDated<DayList>(appointmentsPath(week.today, week.last), signal),
    // Offline the request still goes out once: the service worker answers it with the last copy.
    networkMode: "offlineFirst",
  });
  const timeOff = useQuery({
    queryKey: dayKeys.timeOff(worker.slug, week.today),
    queryFn: ({ signal }) => getDated<TimeOffList>(timeOffPath(worker.slug, week.today), signal),
    networkMode: "offlineFirst",
  });
  const ready = useKeptForOffline(
    [`/api/v1${appointmentsPath(week.today, week.last)}`, `/api/v1${timeOffPath(worker.slug, week.today)}`],
    Math.max(appointments.dataUpdatedAt, timeOff.dataUpdatedAt),
  );

  if (appointments.isPending) return <Skeleton rows={3} label={t("loading")} />;
  if (appointments.isError) {
    return <ErrorState message={t("error")} retryLabel={t("retry")} onRetry={() => appointments.refetch()} />;
  }
  const asOf = appointments.data.asOf;
  const items = appointments.data.data.items.filter((a) => a.status !== "cancelled");
  const byDay = new Map<string, typeof items>();
  for (const a of items) {
    const day = localDate(a.start, worker.timezone);
    byDay.set(day, [...(byDay.get(day) ?? []), a]);
  }
  const today = byDay.get(week.today) ?? [];
  const later = [...byDay.entries()].filter(([day]) => day !== week.today).sort(([a], [b]) => a.localeCompare(b));
  const item = (a: (typeof items)[number]) => (
    <li key={a.id}>
      <AppointmentItem appointment={a} timezone={worker.timezone} now={now} online={online} />
    </li>
  );

  return (
    <div className="space-y-6" data-offline-ready={ready ? "true" : undefined}>
      {!online && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {asOf ? t("offline", { time: clockIn(asOf.toISOString(), worker.timezone) }) : t("offlineNoTime")}
        </p>
      )}
      <section aria-labelledby="today-heading" className="space-y-3">
        <h2 id="today-heading" className="text-lg font-semibold">
          {t("today")}
        </h2>
        {today.length === 0 ? (
          <p className="text-sm text-slate-600">{t("nothingToday")}</p>
        ) : (
          <ul className="space-y-3">{today.map(item)}</ul>
        )}
      </section>
      <section aria-labelledby="week-heading" className="space-y-3">
        <h2 id="week-heading" className="text-lg font-semibold">
          {t("week")}
        </h2>
        {later.length === 0 && <p className="text-sm text-slate-600">{t("nothingThisWeek")}</p>}
        {later.map(([day, list]) => (
          <section key={day} aria-label={day} className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-700">
              {format.dateTime(new Date(list[0]?.start ?? day), {
                weekday: "long",
                day: "numeric",
                month: "long",
                timeZone: worker.timezone,
              })}
            </h3>
            <ul className="space-y-3">{list.map(item)}</ul>
          </section>
        ))}
      </section>
      <TimeOffSection worker={worker} query={timeOff} online={online} />
    </div>
  );
}
