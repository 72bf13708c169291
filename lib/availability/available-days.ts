// GET /workers/{ref}/available-days: every asked day with how many slots it offers and the first of
// them, for a month calendar. Each day is counted from the very slots the slots endpoint lists for
// that date (plans.ts, slots.ts: shifts, time off, booked appointments, the step grid, the past, the
// horizon). One statement reads the worker, the service and the rows of the asked days not over
// yet (findSlotsContext, gist range probes only), so the cost follows the days asked for, not the
// size of the appointments table nor the bookings of the month's past weeks.
import { getDb } from "@/db/client";
import { findSlotsContext, type SlotsService, type SlotsWorker } from "@/db/queries/availability";
import { readFingerprint, scheduleKeys } from "@/db/queries/schedule-versions";
import { loadWorkerDays, type Range, type WorkerDays } from "@/db/queries/worker-days";
import type { Slot } from "@/lib/contract";
import type { AvailableDay, AvailableDays } from "@/lib/contract/available-days";
import { notFound, validationFailed } from "@/lib/errors";
import { addDaysToDate } from "@/lib/time/zoned";
import type { AvailableDaysQuery } from "@/lib/validation/available-days";
import { bookingHorizonEnd, FALLBACK_TIME_ZONE, localDaysInterval, todayEndIn, todayIn } from "./calendar";
import { slotsFrom } from "./notice";
import { type Plan, plan, rowsRange, slotsOf } from "./plans";
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

/**
 * How far before now rows can still matter to a day that is not over: the local day holding now
 * began at most a day and an hour ago (a fall-back day lasts 25 hours), and a slot's held interval
 * reaches the service's buffer (at most 240 minutes) before it; two days hold both with room to
 * spare. A row that ended earlier belongs to days over already, which offer nothing: the calendar
 * of a month whose first weeks are past does not read their bookings.
 */
const RECENT_MS = 2 * 24 * 60 * 60_000;

/** `range` without what lies two days or more before `now`: from then on, or empty at its end. */
export function recentPart(range: Range, now: Date): Range {
  const start = Math.min(Math.max(range.start.getTime(), now.getTime() - RECENT_MS), range.end.getTime());
  return start === range.start.getTime() ? range : { start: new Date(start), end: range.end };
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
 * The rows of one list overlapping each of a run of ranges whose starts and ends never go back (the
 * days of a month, in order), in one pass over the list instead of a filter of all of it per day: a
 * row joins once it starts before a range's end and leaves once it ends at or before a range's
 * start, which no later range can undo. Which rows, not their order, is what a day's slots depend on.
 */
class RowSweep<R extends { start: Date; end: Date }> {
  private readonly rows: R[];
  private next = 0;
  private active: R[] = [];

  constructor(list: readonly R[]) {
    // A row without a valid instant overlaps nothing (rowsDuring's comparisons are all false).
    this.rows = list
      .filter((r) => Number.isFinite(r.start.getTime()) && Number.isFinite(r.end.getTime()))
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  /** The rows overlapping `[start, end)`, as rowsDuring keeps them; neither bound below the last call's. */
  during(start: number, end: number): R[] {
    // Every row kept starts before `end` (the ends never go back): only the ended ones leave. A new
    // array each time: the last one given out stays as it was.
    const active = this.active.filter((r) => r.end.getTime() > start);
    for (; this.next < this.rows.length; this.next++) {
      const row = this.rows[this.next] as R;
      if (row.start.getTime() >= end) break;
      if (row.end.getTime() > start) active.push(row);
    }
    this.active = active;
    return active;
  }
}

/**
 * The slots of `input.days`, in order. Each day is planned and computed as the slots endpoint does
 * for that one date (`?date=`): from the rows overlapping what that day needs, so the calendar's
 * first free time is the first time the day's list shows. (A range asked of the slots endpoint can
 * differ at a day's edge: a shift ending at midnight merges with one starting then, which moves
 * the second day's grid; a single day never sees the first.)
 *
 * The days' instants and rows are found in one walk: the horizon's end is the same for every day, a
 * day's window is its local day, and each row list is swept once (RowSweep) rather than filtered
 * per day; a day without a shift offers nothing and is not computed. The same slots as `plan`,
 * `rowsRange` and `rowsDuring` per day give (available-days-sweep.test.ts).
 */
export function daySlotsOf(input: DaysInput): Slot[] {
  const { worker, service, timeZone, now, rows } = input;
  const horizonEnd = bookingHorizonEnd(now, worker.bookingHorizonDays, timeZone);
  const shifts = new RowSweep(rows.shifts);
  const timeOff = new RowSweep(rows.timeOff);
  const workerAppointments = new RowSweep(rows.workerAppointments);
  const locationAppointments = new RowSweep(rows.locationAppointments);
  const all: Slot[] = [];
  for (let date = input.days.from; date <= input.days.to; date = addDaysToDate(date, 1)) {
    const p: Plan = { worker, timeZone, window: localDaysInterval(date, date, timeZone), horizonEnd };
    // A day over before now has nothing to offer, whatever its rows.
    if (p.window.end.getTime() <= now.getTime()) continue;
    const range = rowsRange(p, service);
    // Past the horizon: so is every later day.
    if (!range) break;
    const start = range.start.getTime();
    const end = range.end.getTime();
    const dayShifts = shifts.during(start, end);
    if (dayShifts.length === 0) continue;
    const dayRows: WorkerDays = {
      shifts: dayShifts,
      timeOff: timeOff.during(start, end),
      workerAppointments: workerAppointments.during(start, end),
      locationAppointments: locationAppointments.during(start, end),
    };
    for (const slot of slotsOf(dayRows, p, service, now)) all.push(slot);
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
  const read = recentPart(readRange(lookup), now);
  const found = await findSlotsContext(db, workerRef, query.service, shiftLookupRange(lookup), read);
  const { worker, service, performs, shiftTimeZone } = found;
  if (!worker?.active) throw notFound("Worker");
  if (!service?.active) throw notFound("Service");
  if (!performs) throw validationFailed("service", "This worker does not perform that service.");
  const timeZone = worker.homeTimeZone ?? shiftTimeZone ?? FALLBACK_TIME_ZONE;
  const days = askedDays(query, todayIn(now, timeZone), worker.bookingHorizonDays);
  const range = neededRange({ worker, service, timeZone, days, now });
  // Days over before now need no rows (daySlotsOf skips them), nor does a month that is all past.
  const needed = range && recentPart(range, now);
  const readOnce = needed === null || needed.start.getTime() >= needed.end.getTime() || contains(read, needed);
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
