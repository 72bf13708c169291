"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatTime } from "@/components/lib/format";
import { Spinner } from "@/components/ui/spinner";
import type { Locale } from "@/i18n/config";
import type { Appointment, Worker } from "@/lib/contract";
import { boardRows, isFree, rowSpan } from "./board-grid";
import type { WorkerDay } from "./use-board-data";

type Props = {
  date: string;
  timeZone: string;
  workers: Worker[];
  days: WorkerDay[];
  appointments: Appointment[];
  pendingId: string | null;
  onFree: (worker: Worker, start: number) => void;
  onAppointment: (appointment: Appointment) => void;
};

const STATUS_STYLE: Record<string, string> = {
  booked: "border-brand bg-brand-light text-slate-900",
  completed: "border-slate-400 bg-slate-100 text-slate-800",
  no_show: "border-amber-500 bg-amber-50 text-amber-900",
};

/**
 * The board's grid. Each worker's column comes whole in the document (header, free times,
 * appointments), so a screen reader reads one worker at a time; CSS grid lines the rows up.
 */
export function BoardColumns({ date, timeZone, workers, days, appointments, pendingId, onFree, onAppointment }: Props) {
  const t = useTranslations("admin.board");
  const locale = useLocale() as Locale;
  const rows = boardRows(
    date,
    timeZone,
    days.flatMap((d) => d.shifts),
  );
  const time = (instant: number | string) => formatTime(new Date(instant), timeZone, locale);

  return (
    // With many workers the board scrolls sideways: as a focusable region, keyboard users can scroll it.
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      aria-label={t("regionLabel")}
      className="-mx-4 overflow-x-auto px-4 pb-2"
      data-testid="day-board"
    >
      <div
        className="grid gap-x-2"
        style={{
          gridTemplateColumns: `3.5rem repeat(${workers.length}, minmax(9.5rem, 1fr))`,
          gridTemplateRows: `auto repeat(${rows.length}, 2.75rem)`,
        }}
      >
        <div aria-hidden="true" style={{ gridRow: 1, gridColumn: 1 }} />
        {rows.map((r, i) => (
          <div
            key={r}
            aria-hidden="true"
            className="sticky left-0 z-10 border-t border-slate-200 bg-slate-50 pr-1 text-xs text-slate-600"
            style={{ gridRow: i + 2, gridColumn: 1 }}
          >
            {time(r)}
          </div>
        ))}
        {workers.map((worker, col) => {
          const day = days[col] ?? { shifts: [], timeOff: [], busy: [] };
          const own = appointments.filter((a) => a.worker?.id === worker.id);
          const blocked = [...day.timeOff, ...day.busy, ...own];
          return (
            <section key={worker.id} aria-label={worker.name} className="contents">
              <h3
                className="sticky top-0 truncate border-b border-slate-300 pb-1 text-sm font-semibold"
                style={{ gridRow: 1, gridColumn: col + 2 }}
              >
                {worker.name}
              </h3>
              {rows.map((r, i) =>
                isFree(r, { shifts: day.shifts, blocked }) ? (
                  <button
                    key={r}
                    type="button"
                    onClick={() => onFree(worker, r)}
                    aria-label={t("bookAt", { worker: worker.name, time: time(r) })}
                    className="m-0.5 rounded border border-dashed border-emerald-400 bg-emerald-50 text-left text-xs text-emerald-900 hover:bg-emerald-100"
                    style={{ gridRow: i + 2, gridColumn: col + 2 }}
                  >
                    <span className="px-1">{t("free")}</span>
                  </button>
                ) : (
                  <div
                    key={r}
                    aria-hidden="true"
                    className={`border-t border-slate-100 ${day.shifts.length ? "bg-slate-100" : ""}`}
                    style={{ gridRow: i + 2, gridColumn: col + 2 }}
                  />
                ),
              )}
              {own.map((a) => {
                const place = rowSpan(rows, a);
                if (!place) return null;
                const pending = a.id === pendingId;
                return (
                  <button
                    key={a.id}
                    type="button"
                    onClick={() => !pending && onAppointment(a)}
                    aria-busy={pending || undefined}
                    className={`z-0 m-0.5 overflow-hidden rounded border-l-4 px-1 py-0.5 text-left text-xs ${STATUS_STYLE[a.status] ?? ""}`}
                    style={{ gridRow: `${place.row + 2} / span ${place.span}`, gridColumn: col + 2 }}
                  >
                    <span className="block font-semibold">
                      {time(a.start)}–{time(a.end)} {pending && <Spinner className="h-3 w-3" />}
                    </span>
                    <span className="block truncate">{a.client.name}</span>
                    <span className="block truncate text-slate-600">
                      {a.service?.name}
                      {a.status !== "booked" ? ` · ${t(`statuses.${a.status}`)}` : ""}
                    </span>
                  </button>
                );
              })}
            </section>
          );
        })}
      </div>
    </section>
  );
}
