// GET /workers/{ref}/available-days: every asked day with how many slots it offers and the first of
// them, for a month calendar. Each day is counted from the very slots the slots endpoint lists for
// that date (plans.ts, slots.ts: shifts, time off, booked appointments, the step grid, the past, the
// horizon). One statement reads the worker, the service and the rows of
// the whole range (findSlotsContext, gist range probes only), so the cost follows the days asked
// for, not the size of the appointments table.
import { getDb } from "@/db/client";
import { findSlotsContext, type SlotsService, type SlotsWorker } from "@/db/queries/availability";
import { readFingerprint, scheduleKeys } from "@/db/queries/schedule-versions";
import { loadWorkerDays, type Range, type WorkerDays } from "@/db/queries/worker-days";
import type { Slot } from "@/lib/contract";
import type { AvailableDay, AvailableDays } from "@/lib/contract/available-days";
import { notFound, validationFailed } from "@/lib/errors";
import { addDaysToDate } from "@/lib/time/zoned";
import type { AvailableDaysQuery } from "@/lib/validation/available-days";
import { FALLBACK_TIME_ZONE, todayEndIn, todayIn } from "./calendar";
import { slotsFrom } from "./notice";
import { plan, rowsRange, slotsOf } from "./plans";
import { recallSlotList, rememberSlotList, type SlotList } from "./slot-lists";
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
  rowsRange(plan(input.worker, input.timeZone, input.days, input.now), input.service);

/** Every day `from`..`to` with the number of slots starting on it and the first one, from a sorted slot list. */
export function countByDay(slots: readonly { start: string }[], days: { from: string; to: string }): AvailableDay[] {
  const list: AvailableDay[] = [];
  const byDate = new Map<string, AvailableDay>();
  for (let date = days.from; date <= days.to; date = addDaysToDate(date, 1)) {
    const day: AvailableDay = { date, slots: 0, first: null };
    list.push(day);
    byDate.set(date, day);
  }
  // A slot's start is written as the wall clock of the location's zone: its first ten characters
  // are the local day it belongs to, DST or not.
  for (const slot of slots) {
    const day = byDate.get(slot.start.slice(0, 10));
    if (!day) continue;
    if (day.slots === 0) day.first = slot.start;
    day.slots++;
  }
  return list;
}

/**
 * The slots of `input.days`, in order. Each day is planned and computed as the slots endpoint does
 * for that one date (`?date=`): from the rows overlapping what that day needs, so the calendar's
 * first free time is the first time the day's list shows. (A range asked of the slots endpoint can
 * differ at a day's edge: a shift ending at midnight merges with one starting then, which moves
 * the second day's grid; a single day never sees the first.)
 */
export function daySlotsOf(input: DaysInput): Slot[] {
  const { worker, service, timeZone, now } = input;
  const all: Slot[] = [];
  for (let date = input.days.from; date <= input.days.to; date = addDaysToDate(date, 1)) {
    const p = plan(worker, timeZone, { from: date, to: date }, now);
    // A day over before now has nothing to offer, whatever its rows.
    const range = p.window.end.getTime() > now.getTime() ? rowsRange(p, service) : null;
    if (range) all.push(...slotsOf(rowsDuring(input.rows, range), p, service, now));
  }
  return all;
}

/** The days of `input.days` with their slot counts (daySlotsOf, countByDay). */
export const availableDaysOf = (input: DaysInput): AvailableDay[] => countByDay(daySlotsOf(input), input.days);

/** What is remembered of an answer (slot-lists.ts): the slots of its days, and the days. */
type DaysList = SlotList & { days: { from: string; to: string } };

/** The answer from what was computed or remembered: starts before `earliest` (the notice) left out. */
const answer = (list: DaysList, earliest: Date | null): AvailableDays => ({
  timezone: list.timezone,
  days: countByDay(earliest ? slotsFrom(list.slots, earliest) : list.slots, list.days),
});

/**
 * GET /workers/{ref}/available-days. The same refusals as the slots: an unknown or inactive worker
 * or service is 404, a service the worker does not perform 400 validation_failed on `service`. The
 * days default as the slots' do: `from` today in the worker's zone, `to` the horizon's last day (at
 * most 62 days). `earliest`: the first start offered (the business's notice, for clients).
 *
 * Asked again, the answer is counted from the slots remembered for the same question while one
 * small query shows that nothing they were computed from has changed (slot-lists.ts, as the slots
 * endpoint does), so the month calendar of a busy page costs about what one day's slots do.
 */
export async function workerAvailableDays(
  workerRef: string,
  query: AvailableDaysQuery,
  now: Date,
  earliest: Date | null = null,
): Promise<AvailableDays> {
  const db = await getDb();
  // A ref never holds a control character: no slot list's key begins like this one.
  const key = ["\u0000days", workerRef, query.service, query.from, query.to].join(" ");
  const remembered = recallSlotList<DaysList>(db, key, now);
  if (remembered && (await readFingerprint(db, remembered.keys)) === remembered.fingerprint) {
    return answer(remembered.list, earliest);
  }
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
  const readOnce = needed === null || contains(read, needed);
  const rows = readOnce ? found.rows : await loadWorkerDays(db, [worker.id], needed);
  const list: DaysList = {
    timezone: timeZone,
    slots: daySlotsOf({ rows, worker, service, timeZone, days, now }),
    days,
  };
  if (readOnce && found.fingerprint !== null) {
    rememberSlotList(db, key, {
      list,
      keys: scheduleKeys(worker.id, found.rows.shifts),
      fingerprint: found.fingerprint,
      now,
      // Today, in the worker's zone and in UTC (where a worker without a home looks for shifts).
      dayEnds: [todayEndIn(now, timeZone), todayEndIn(now, FALLBACK_TIME_ZONE)],
    });
  }
  return answer(list, earliest);
}
