// What a slot list is computed over, shared by one worker's slots (worker-slots.ts) and a page of
// availability (service-availability.ts): the asked local days as instants, the end of the booking
// horizon, the rows range they need, and the slots of one worker from their rows.
import type { SlotsService, SlotsWorker } from "@/db/queries/availability";
import type { Range, WorkerDays } from "@/db/queries/worker-days";
import { bookingHorizonEnd, intervalJson, localDaysInterval } from "./calendar";
import type { Interval } from "./intervals";
import { computeSlots } from "./slots";

const MINUTE = 60_000;

/** What to compute for one worker: local days as instants, and the end of their booking horizon. */
export type Plan = { worker: SlotsWorker; timeZone: string; window: Interval; horizonEnd: Date };

export type Bounds = Pick<Plan, "window" | "horizonEnd">;

/**
 * `cache` lets a page of workers share the calendar work: workers in one zone with one horizon ask
 * for the same instants, and zone arithmetic costs more than everything else in a slot list.
 */
export function plan(
  worker: SlotsWorker,
  timeZone: string,
  days: { from: string; to: string },
  now: Date,
  cache?: Map<string, Bounds>,
): Plan {
  const key = `${timeZone}|${worker.bookingHorizonDays}|${days.from}|${days.to}`;
  let found = cache?.get(key);
  if (!found) {
    found = bounds(worker.bookingHorizonDays, timeZone, days, now);
    cache?.set(key, found);
  }
  return { worker, timeZone, ...found };
}

/** The instants of the asked local days, and the end of a booking horizon of `horizonDays` from now. */
export function bounds(horizonDays: number, timeZone: string, days: { from: string; to: string }, now: Date): Bounds {
  return {
    horizonEnd: bookingHorizonEnd(now, horizonDays, timeZone),
    window: localDaysInterval(days.from, days.to, timeZone),
  };
}

/** What a slot spans: the service's duration and buffers (absent buffers: none). */
export type SlotSpan = { durationMinutes: number; bufferBeforeMinutes?: number; bufferAfterMinutes?: number };

/**
 * The instants whose rows can matter to a plan: slots start inside the window (the last may run a
 * duration past it) and end by the horizon; their held intervals reach the buffers further on either
 * side. Null when nothing can be offered, e.g. beyond the horizon.
 */
export function rowsRange(p: Bounds, span: SlotSpan): Range | null {
  const end = Math.min(p.window.end.getTime() + span.durationMinutes * MINUTE, p.horizonEnd.getTime());
  if (p.window.start.getTime() >= end) return null;
  return {
    start: new Date(p.window.start.getTime() - (span.bufferBeforeMinutes ?? 0) * MINUTE),
    end: new Date(end + (span.bufferAfterMinutes ?? 0) * MINUTE),
  };
}

export const noRows: WorkerDays = { shifts: [], timeOff: [], workerAppointments: [], locationAppointments: [] };

/** One worker's slots from their rows; `locationId` keeps only shifts at that place. */
export function slotsOf(rows: WorkerDays, p: Plan, service: SlotsService, now: Date, locationId?: string) {
  const slots = computeSlots({
    shifts: rows.shifts.filter((s) => !locationId || s.locationId === locationId),
    timeOff: rows.timeOff,
    workerAppointments: rows.workerAppointments,
    locationAppointments: rows.locationAppointments,
    durationMinutes: service.durationMinutes,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    stepMinutes: p.worker.slotStepMinutes,
    now,
    horizonEnd: p.horizonEnd,
    window: p.window,
  });
  return slots.map((slot) => intervalJson(slot, p.timeZone));
}
