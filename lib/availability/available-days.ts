// GET /workers/{ref}/available-days: every asked day with how many slots it offers and the first of
// them, for a month calendar. Each day is counted from the very slots the slots endpoint lists for
// that date (plans.ts, slots.ts: shifts, time off, booked appointments, the step grid, the past, the
// horizon). One statement reads the worker, the service and the rows of
// the whole range (findSlotsContext, gist range probes only), so the cost follows the days asked
// for, not the size of the appointments table.
import { getDb } from "@/db/client";
import { findSlotsContext, type SlotsService, type SlotsWorker } from "@/db/queries/availability";
import { loadWorkerDays, type Range, type WorkerDays } from "@/db/queries/worker-days";
import type { AvailableDay, AvailableDays } from "@/lib/contract/available-days";
import { notFound, validationFailed } from "@/lib/errors";
import { addDaysToDate } from "@/lib/time/zoned";
import type { AvailableDaysQuery } from "@/lib/validation/available-days";
import { FALLBACK_TIME_ZONE, todayIn } from "./calendar";
import { plan, rowsRange, slotsOf } from "./plans";
import { shiftLookupRange } from "./time-zones";
import { askedDays, lookupDays } from "./worker-slots";

/**
 * How far the rows read reach past the asked days (in UTC, already widened by a day for any zone's
 * offset): a day for the local "today" of the default range, and a day for a slot's own length
 * running past the last day (services last at most 1440 minutes). When the rows a plan needs still
 * fall outside, they are read again over the right range: a second query, for odd data only.
 */
const MARGIN_DAYS = 2;

/** The instants read in the one statement, before the worker's zone and horizon are known. */
export function readRange(days: { from: string; to: string }): Range {
  return shiftLookupRange({ from: addDaysToDate(days.from, -MARGIN_DAYS), to: addDaysToDate(days.to, MARGIN_DAYS) });
}

const contains = (outer: Range, inner: Range) =>
  outer.start.getTime() <= inner.start.getTime() && inner.end.getTime() <= outer.end.getTime();

/** The rows overlapping `range` (half-open, as `during && range` reads them in the database). */
export function rowsDuring(rows: WorkerDays, range: Range): WorkerDays {
  const start = range.start.getTime();
  const end = range.end.getTime();
  const inside = (r: { start: Date; end: Date }) => r.start.getTime() < end && start < r.end.getTime();
  return {
    shifts: rows.shifts.filter(inside),
    timeOff: rows.timeOff.filter(inside),
    workerAppointments: rows.workerAppointments.filter(inside),
    locationAppointments: rows.locationAppointments.filter(inside),
  };
}

export type DaysInput = {
  /** The worker's rows overlapping (at least) the range the plan needs. */
  rows: WorkerDays;
  worker: SlotsWorker;
  service: SlotsService;
  timeZone: string;
  days: { from: string; to: string };
  now: Date;
};

/** The rows range the days need (null: nothing can be offered), as the slots endpoint reads it. */
export const neededRange = (input: Omit<DaysInput, "rows">): Range | null =>
  rowsRange(plan(input.worker, input.timeZone, input.days, input.now), input.service.durationMinutes);

/**
 * The days of `input.days` with their slot counts. Each day is planned and computed as the slots
 * endpoint does for that one date (`?date=`): from the rows overlapping what that day needs, so
 * the calendar's first free time is the first time the day's list shows. (A range asked of the
 * slots endpoint can differ at a day's edge: a shift ending at midnight merges with one starting
 * then, which moves the second day's grid; a single day never sees the first.)
 */
export function availableDaysOf(input: DaysInput): AvailableDay[] {
  const { worker, service, timeZone, now } = input;
  const list: AvailableDay[] = [];
  for (let date = input.days.from; date <= input.days.to; date = addDaysToDate(date, 1)) {
    const p = plan(worker, timeZone, { from: date, to: date }, now);
    const range = p.window.end.getTime() > now.getTime() ? rowsRange(p, service.durationMinutes) : null;
    const slots = range ? slotsOf(rowsDuring(input.rows, range), p, service, now) : [];
    list.push({ date, slots: slots.length, first: slots[0]?.start ?? null });
  }
  return list;
}

/**
 * GET /workers/{ref}/available-days. The same refusals as the slots: an unknown or inactive worker
 * or service is 404, a service the worker does not perform 400 validation_failed on `service`. The
 * days default as the slots' do: `from` today in the worker's zone, `to` the horizon's last day (at
 * most 62 days).
 */
export async function workerAvailableDays(
  workerRef: string,
  query: AvailableDaysQuery,
  now: Date,
): Promise<AvailableDays> {
  const db = await getDb();
  const lookup = lookupDays(query, now);
  const read = readRange(lookup);
  const found = await findSlotsContext(db, workerRef, query.service, shiftLookupRange(lookup), read);
  const { worker, service, performs, shiftTimeZone } = found;
  if (!worker?.active) throw notFound("Worker");
  if (!service?.active) throw notFound("Service");
  if (!performs) throw validationFailed("service", "This worker does not perform that service.");
  const timeZone = worker.homeTimeZone ?? shiftTimeZone ?? FALLBACK_TIME_ZONE;
  const days = askedDays(query, todayIn(now, timeZone), worker.bookingHorizonDays);
  const needed = neededRange({ worker, service, timeZone, days, now });
  const rows = needed === null || contains(read, needed) ? found.rows : await loadWorkerDays(db, [worker.id], needed);
  return { timezone: timeZone, days: availableDaysOf({ rows, worker, service, timeZone, days, now }) };
}
