// Which worker `workerId: "any"` books (API.md v1 extensions "Finding a time and booking"): a pure
// function of the rows the use case loaded (./any-worker.ts), so the choice can be tested at every
// boundary without a database. A worker qualifies under the rules booking that worker applies
// (./claim.ts): for a client, the start must be one of the worker's offered slots (shifts, time off,
// booked appointments, horizon, grid); staff may book any free interval inside a shift. Of those, the
// one with the fewest booked minutes on the local day of the start comes first; ties by id.
import type { SlotsWorker } from "@/db/queries/availability";
import type { WorkerDays } from "@/db/queries/worker-days";
import { bookingHorizonEnd, FALLBACK_TIME_ZONE, localDaysInterval } from "@/lib/availability/calendar";
import { type Interval, overlaps } from "@/lib/availability/intervals";
import { computeSlots } from "@/lib/availability/slots";
import { zonedDateOf } from "@/lib/time/zoned";
import { offersStart } from "./grid";
import { type Buffers, checkBooking, heldInterval } from "./rules";

const MINUTE = 60_000;

export type AnyWorkerInput = {
  /** The workers performing the service, with their rows around the interval (loadWorkerDays). */
  candidates: readonly { worker: SlotsWorker; rows: WorkerDays }[];
  interval: Interval;
  durationMinutes: number;
  /** The service's buffers (none when absent, or when staff overrode them). */
  buffers?: Buffers;
  now: Date;
  /** Clients: the start must be an offered slot start, within the horizon. Staff: any free interval. */
  client: boolean;
  /** The location the body named: only shifts there count, and the day is read in its zone. */
  location?: { id: string; timeZone: string };
};

export type RankedWorker = { workerId: string; bookedMinutes: number; timeZone: string };

/** Minutes of `busy` inside `day`, overlaps counted once. */
function minutesWithin(busy: readonly Interval[], day: Interval): number {
  const clipped = busy
    .map((b) => ({
      start: Math.max(b.start.getTime(), day.start.getTime()),
      end: Math.min(b.end.getTime(), day.end.getTime()),
    }))
    .filter((b) => b.start < b.end)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let reached = Number.NEGATIVE_INFINITY;
  for (const b of clipped) {
    const from = Math.max(b.start, reached);
    if (b.end > from) total += b.end - from;
    reached = Math.max(reached, b.end);
  }
  return Math.round(total / MINUTE);
}

/** Whether the worker may be booked for `interval` now, by the rules booking them by id applies. */
function isFree(input: AnyWorkerInput, worker: SlotsWorker, rows: WorkerDays, horizonZone: string): boolean {
  const { interval, now } = input;
  const placeId = input.location?.id;
  const shifts = rows.shifts.filter((s) => !placeId || s.locationId === placeId);
  if (input.client) {
    const horizonEnd = bookingHorizonEnd(now, worker.bookingHorizonDays, horizonZone);
    const day = zonedDateOf(interval.start, horizonZone);
    const slots = computeSlots({
      shifts,
      timeOff: rows.timeOff,
      workerAppointments: rows.workerAppointments,
      locationAppointments: rows.locationAppointments,
      durationMinutes: input.durationMinutes,
      bufferBeforeMinutes: input.buffers?.bufferBeforeMinutes,
      bufferAfterMinutes: input.buffers?.bufferAfterMinutes,
      stepMinutes: worker.slotStepMinutes,
      now,
      horizonEnd,
      window: localDaysInterval(day, day, horizonZone),
    });
    return offersStart(slots, interval.start);
  }
  // The rows' appointments are held intervals; this one's held interval must clear them.
  const held = heldInterval(interval, input.buffers);
  const verdict = checkBooking({
    interval,
    now,
    horizonEnd: null,
    shifts,
    locationId: placeId,
    timeOff: rows.timeOff,
    held,
  });
  if (!verdict.ok) return false;
  if (rows.workerAppointments.some((a) => overlaps(a, held))) return false;
  return !rows.locationAppointments.some((a) => a.locationId === verdict.locationId && overlaps(a, held));
}

/**
 * The workers free for `interval`, the one to try first first: fewest booked minutes on the local
 * day holding the start (in the named location's zone, else the zone of the shift covering the
 * start, else the worker's home zone), then by id.
 */
export function rankFreeWorkers(input: AnyWorkerInput): RankedWorker[] {
  const at = input.interval.start.getTime();
  const ranked: RankedWorker[] = [];
  for (const { worker, rows } of input.candidates) {
    const covering = rows.shifts.find(
      (s) => (!input.location || s.locationId === input.location.id) && s.start.getTime() <= at && at < s.end.getTime(),
    );
    // As the booking transaction counts the horizon (./claim.ts): in the worker's home zone first.
    const horizonZone = worker.homeTimeZone ?? covering?.location.timeZone ?? FALLBACK_TIME_ZONE;
    if (!isFree(input, worker, rows, horizonZone)) continue;
    const timeZone = input.location?.timeZone ?? covering?.location.timeZone ?? horizonZone;
    const date = zonedDateOf(input.interval.start, timeZone);
    const day = localDaysInterval(date, date, timeZone);
    ranked.push({ workerId: worker.id, bookedMinutes: minutesWithin(rows.workerAppointments, day), timeZone });
  }
  return ranked.sort(
    (a, b) => a.bookedMinutes - b.bookedMinutes || (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0),
  );
}
