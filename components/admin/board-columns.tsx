"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatTime } from "@/components/lib/format";
import { Spinner } from "@/components/ui/spinner";
import type { Locale } from "@/i18n/config";
import type { Appointment, Slot, Worker } from "@/lib/contract";
import {
  boardWindow,
  freeStarts,
  gridStarts,
  lanes,
  minutesFrom,
  offHours,
  pixelsPerMinute,
  place,
  windowMinutes,
} from "./board-geometry";
import { boardService, type WorkerDay } from "./use-board-data";

type Props = {
  date: string;
  timeZone: string;
  workers: Worker[];
  days: WorkerDay[];
  /** Each worker's free slots of the day from the API; undefined for a worker with no service to ask about. */
  slots: (Slot[] | undefined)[];
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

/** Off-hours, time off and days off: one look for all of them. */
const OFF_STYLE =
  "bg-slate-200/80 bg-[repeating-linear-gradient(135deg,transparent_0_6px,rgb(148_163_184/0.25)_6px_8px)]";

/** A worker column's least width; wider screens share the rest of the width among the columns. */
const COLUMN_MIN = "9.5rem";
/** The row of names and the corner above the times: one height, so the two line up. */
const HEAD_HEIGHT = "h-9";
/** When no step is known: the half-hour grid the desk used before. */
const FALLBACK_STEP = 30;

/**
 * The board's grid: a time axis and one column per worker, everything placed at its real minute
 * (board-geometry.ts). The board scrolls inside its own box both ways; the row of worker names
 * sticks to its top and the time column to its left, so neither leaves the screen, even at 360 px.
 * When columns run past the right edge, a line above says how many and scrolls to them. Each
 * worker's column comes whole in the document (name, free times, appointments), so a screen
 * reader reads one worker at a time.
 */
export function BoardColumns({
  date,
  timeZone,
  workers,
  days,
  slots,
  appointments,
  pendingId,
  onFree,
  onAppointment,
}: Props) {
  const t = useTranslations("admin.board");
  const locale = useLocale() as Locale;
  const axis = boardWindow(date, timeZone, [...days.flatMap((d) => d.shifts), ...appointments]);
  const ppm = pixelsPerMinute(
    workers.map((w) => w.slotStepMinutes ?? boardService(w)?.durationMinutes ?? FALLBACK_STEP),
  );
  const px = (minutes: number) => Math.round(minutes * ppm * 100) / 100;
  const height = px(windowMinutes(axis));
  const time = (instant: number | string) => formatTime(new Date(instant), timeZone, locale);
  const { scroller, headers, hiddenRight, scrollRight } = useHiddenColumns(workers.length);

  return (
    // Wide screens: the board leaves the page's 64rem column and takes the window's width (less 2rem a side).
    <div className="space-y-1" style={{ marginInline: "min(0px, calc(33rem - 50vw))" }}>
      <p className="min-h-5 text-sm text-slate-700" aria-live="polite">
        {hiddenRight > 0 && (
          <button type="button" onClick={scrollRight} className="text-brand underline underline-offset-2">
            {t("moreRight", { count: hiddenRight })}
          </button>
        )}
      </p>
      <div className="relative">
        {/* With many workers or hours the board scrolls; as a focusable region, keyboard users can scroll it. */}
        <section
          ref={scroller}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          tabIndex={0}
          aria-label={t("regionLabel")}
          className="max-h-[75dvh] overflow-auto overscroll-contain rounded-md border border-slate-300 bg-white"
          data-testid="day-board"
        >
          {/* Flex, not grid: a sticky grid item cannot leave its own cell, a flex item sticks across its row,
              which is at least as wide as all the columns (so the times stick however far it scrolls). */}
          <div className="flex w-full" style={{ minWidth: `calc(3.5rem + ${workers.length} * ${COLUMN_MIN})` }}>
            <div
              aria-hidden="true"
              className="sticky left-0 z-20 w-14 shrink-0 border-r border-slate-300 bg-slate-50"
              data-testid="board-times"
            >
              <div className={`sticky top-0 z-30 border-b border-slate-300 bg-white ${HEAD_HEIGHT}`} />
              <div className="relative" style={{ height }}>
                {axis.hours.map((h) => (
                  <div
                    key={h}
                    className="absolute inset-x-0 border-t border-slate-300 pt-0.5 pr-1 text-right text-xs tabular-nums text-slate-700"
                    style={{ top: px(minutesFrom(axis, h)) }}
                    data-testid="board-hour"
                  >
                    {time(h)}
                  </div>
                ))}
              </div>
            </div>
            {workers.map((worker, col) => {
              const day = days[col] ?? { shifts: [], timeOff: [], busy: [] };
              const own = appointments.filter((a) => a.worker?.id === worker.id);
              const laneOf = lanes(own);
              const stepMinutes = worker.slotStepMinutes ?? FALLBACK_STEP;
              const free = slots[col]
                ? freeStarts(slots[col], [...own, ...day.timeOff])
                : gridStarts(day.shifts, [...day.timeOff, ...day.busy, ...own], stepMinutes);
              return (
                <section
                  key={worker.id}
                  aria-label={worker.name}
                  className="min-w-0 flex-1 border-l border-slate-200"
                  style={{ flexBasis: COLUMN_MIN, minWidth: COLUMN_MIN }}
                >
                  <h3
                    ref={(el) => {
                      headers.current[col] = el;
                    }}
                    title={worker.name}
                    className={`sticky top-0 z-10 truncate border-b border-slate-300 bg-white px-2 text-sm leading-9 font-semibold ${HEAD_HEIGHT}`}
                    data-testid="board-worker"
                  >
                    {worker.name}
                  </h3>
                  <div className="relative" style={{ height }}>
                    {axis.hours.map((h) => (
                      <div
                        key={h}
                        aria-hidden="true"
                        className="absolute inset-x-0 border-t border-slate-200"
                        style={{ top: px(minutesFrom(axis, h)) }}
                      />
                    ))}
                    {offHours(axis, day.shifts, day.timeOff).map((o) => {
                      const p = place(axis, o);
                      return (
                        p && (
                          <div
                            key={o.start}
                            aria-hidden="true"
                            className={`absolute inset-x-0 ${OFF_STYLE}`}
                            style={{ top: px(p.top), height: px(p.height) }}
                            data-testid="board-off"
                          />
                        )
                      );
                    })}
                    {free.map((f) => {
                      const p = place(axis, f);
                      return (
                        p && (
                          <button
                            key={f.start}
                            type="button"
                            onClick={() => onFree(worker, f.start)}
                            aria-label={t("bookAt", { worker: worker.name, time: time(f.start) })}
                            className="absolute inset-x-0.5 overflow-hidden rounded border border-dashed border-emerald-400 bg-emerald-50 px-1 text-left text-xs leading-tight text-emerald-900 hover:bg-emerald-100 focus-visible:z-10"
                            style={{ top: px(p.top) + 1, height: Math.max(px(p.height) - 2, 12) }}
                          >
                            {time(f.start)} · {t("free")}
                          </button>
                        )
                      );
                    })}
                    {own.map((a, i) => {
                      const p = place(axis, a);
                      if (!p) return null;
                      const pending = a.id === pendingId;
                      const { lane, lanes: count } = laneOf[i] ?? { lane: 0, lanes: 1 };
                      return (
                        <button
                          key={a.id}
                          type="button"
                          onClick={() => !pending && onAppointment(a)}
                          aria-busy={pending || undefined}
                          className={`absolute z-[5] overflow-hidden rounded border-l-4 px-1 text-left text-xs leading-tight shadow-sm ${STATUS_STYLE[a.status] ?? ""}`}
                          style={{
                            top: px(p.top) + 1,
                            height: Math.max(px(p.height) - 2, 12),
                            left: `calc(${(lane * 100) / count}% + 2px)`,
                            width: `calc(${100 / count}% - 4px)`,
                          }}
                          data-testid="board-appointment"
                        >
                          <span className="font-semibold tabular-nums">
                            {time(a.start)}–{time(a.end)}
                          </span>{" "}
                          {pending && <Spinner className="h-3 w-3" />}
                          <span className="truncate">{a.client.name}</span>
                          <span className="block truncate text-slate-600">
                            {a.service?.name}
                            {a.status !== "booked" ? ` · ${t(`statuses.${a.status}`)}` : ""}
                          </span>
                        </button>
                      );
                    })}
                  </div>
                </section>
              );
            })}
          </div>
        </section>
        {hiddenRight > 0 && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 right-0 w-6 rounded-r-md bg-gradient-to-l from-slate-400/40 to-transparent"
          />
        )}
      </div>
    </div>
  );
}

/** How many worker columns lie (partly) past the scroller's right edge, kept up to date on scroll and resize. */
function useHiddenColumns(count: number) {
  const scroller = useRef<HTMLElement>(null);
  const headers = useRef<(HTMLElement | null)[]>([]);
  const [hiddenRight, setHiddenRight] = useState(0);
  const measure = useCallback(() => {
    const box = scroller.current;
    if (!box) return;
    const edge = box.getBoundingClientRect().right;
    const hidden = headers.current.slice(0, count).filter((h) => h && h.getBoundingClientRect().right > edge + 1);
    setHiddenRight(hidden.length);
  }, [count]);
  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    box.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", measure);
    };
  }, [measure]);
  const scrollRight = () => {
    const box = scroller.current;
    const next = headers.current.find(
      (h) => h && h.getBoundingClientRect().right > (box?.getBoundingClientRect().right ?? 0) + 1,
    );
    if (box && next)
      box.scrollBy({
        left: next.getBoundingClientRect().right - box.getBoundingClientRect().right,
        behavior: "smooth",
      });
  };
  return { scroller, headers, hiddenRight, scrollRight };
}
