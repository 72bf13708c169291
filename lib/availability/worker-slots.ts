// Slots of one worker for a service over some days, and the availability of every worker performing a
// service on one day: look up, load the rows of those workers and days, compute with computeSlots.
import { type Executor, getDb } from "@/db/client";
import {
  findServiceWorkers,
  findSlotsContext,
  type SlotsService,
  type SlotsWorker,
  type ZonedWorker,
} from "@/db/queries/availability";
import { type WorkerJson, workersToJson } from "@/db/queries/catalog-json";
import { findByRef } from "@/db/queries/catalog-shared";
import { readFingerprint, scheduleKeys } from "@/db/queries/schedule-versions";
import { loadWorkerDays, type Range, type WorkerDays } from "@/db/queries/worker-days";
import { locations, services, specialties } from "@/db/schema/catalog";
import { AppError, notFound } from "@/lib/errors";
import { addDaysToDate } from "@/lib/time/zoned";
import { type AvailabilityQuery, dayRangeIssue, MAX_RANGE_DAYS, type SlotsQuery } from "@/lib/validation/availability";
import {
  bookingHorizonEnd,
  FALLBACK_TIME_ZONE,
  intervalJson,
  localDaysInterval,
  todayEndIn,
  todayIn,
} from "./calendar";
import { catalogMemo, type Remember } from "./catalog-memo";
import type { Interval } from "./intervals";
import { recallSlotList, rememberSlotList, type SlotList } from "./slot-lists";
import { computeSlots } from "./slots";
import { shiftLookupRange, workerTimeZones } from "./time-zones";

const MINUTE = 60_000;

const invalidQuery = (path: string, message: string) =>
  new AppError("validation_failed", 400, "The request is not valid.", { issues: [{ path, message }] });

/** What to compute for one worker: local days as instants, and the end of their booking horizon. */
type Plan = { worker: SlotsWorker; timeZone: string; window: Interval; horizonEnd: Date };

type Bounds = Pick<Plan, "window" | "horizonEnd">;

/**
 * `cache` lets a page of workers share the calendar work: workers in one zone with one horizon ask
 * for the same instants, and zone arithmetic costs more than everything else in a slot list.
 */
function plan(
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
function bounds(horizonDays: number, timeZone: string, days: { from: string; to: string }, now: Date): Bounds {
  return {
    horizonEnd: bookingHorizonEnd(now, horizonDays, timeZone),
    window: localDaysInterval(days.from, days.to, timeZone),
  };
}

/**
 * The instants whose rows can matter to a plan: slots start inside the window (the last may run a
 * duration past it) and end by the horizon. Null when nothing can be offered, e.g. beyond the horizon.
 */
function rowsRange(p: Bounds, durationMinutes: number): Range | null {
  const end = Math.min(p.window.end.getTime() + durationMinutes * MINUTE, p.horizonEnd.getTime());
  return p.window.start.getTime() < end ? { start: p.window.start, end: new Date(end) } : null;
}

/** The smallest range holding every plan's rows, or null when no plan needs any. */
function unionRange(ranges: (Range | null)[]): Range | null {
  const present = ranges.filter((r): r is Range => r !== null);
  if (present.length === 0) return null;
  const start = Math.min(...present.map((r) => r.start.getTime()));
  const end = Math.max(...present.map((r) => r.end.getTime()));
  return { start: new Date(start), end: new Date(end) };
}

const noRows: WorkerDays = { shifts: [], timeOff: [], workerAppointments: [], locationAppointments: [] };

/** Rows in lists per key, in their order: built once, so a page of workers never rescans all rows. */
function groupBy<T>(list: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of list) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Splits rows loaded for several workers into each worker's own (and those at their shifts' locations). */
function rowsPerWorker(rows: WorkerDays): (workerId: string) => WorkerDays {
  const shiftsOf = groupBy(rows.shifts, (r) => r.workerId);
  const timeOffOf = groupBy(rows.timeOff, (r) => r.workerId);
  const appointmentsOf = groupBy(rows.workerAppointments, (r) => r.workerId);
  const atLocation = groupBy(rows.locationAppointments, (r) => r.locationId);
  return (workerId) => {
    const own = shiftsOf.get(workerId) ?? [];
    return {
      shifts: own,
      timeOff: timeOffOf.get(workerId) ?? [],
      workerAppointments: appointmentsOf.get(workerId) ?? [],
      locationAppointments: [...new Set(own.map((s) => s.locationId))].flatMap((id) => atLocation.get(id) ?? []),
    };
  };
}

/** One worker's slots from their rows; `locationId` keeps only shifts at that place. */
function slotsOf(rows: WorkerDays, p: Plan, service: SlotsService, now: Date, locationId?: string) {
  const slots = computeSlots({
    shifts: rows.shifts.filter((s) => !locationId || s.locationId === locationId),
    timeOff: rows.timeOff,
    workerAppointments: rows.workerAppointments,
    locationAppointments: rows.locationAppointments,
    durationMinutes: service.durationMinutes,
    stepMinutes: p.worker.slotStepMinutes,
    now,
    horizonEnd: p.horizonEnd,
    window: p.window,
  });
  return slots.map((slot) => intervalJson(slot, p.timeZone));
}

/** The earlier of two YYYY-MM-DD dates (they compare as strings). */
const earlierDate = (a: string, b: string) => (a < b ? a : b);

/**
 * The days a slots request asks for, read from today in the worker's zone: `date`, or `from`..`to`.
 * Without them, today to the horizon's last day (today + bookingHorizonDays), at most 62 days.
 */
function askedDays(query: SlotsQuery, today: string, horizonDays: number) {
  if (query.date) return { from: query.date, to: query.date };
  const from = query.from ?? today;
  const lastDay = earlierDate(addDaysToDate(today, horizonDays), addDaysToDate(from, MAX_RANGE_DAYS - 1));
  // Asked from a day past the horizon: that one day, which has no slots, rather than an empty range.
  const pastHorizon = lastDay < from;
  const to = query.to ?? (pastHorizon ? from : lastDay);
  const issue = dayRangeIssue(from, to);
  if (issue)
    throw invalidQuery(issue.path, query.from ? issue.message : `${issue.message} \`from\` is today, ${today}.`);
  return { from, to };
}

/**
 * Where to look for the shifts of a worker without a home location, whose zone is not known yet:
 * the asked days, or from today (in UTC) on, at most 62 days. Only the zone is taken from them.
 */
function lookupDays(query: SlotsQuery, now: Date) {
  if (query.date) return { from: query.date, to: query.date };
  const today = todayIn(now, FALLBACK_TIME_ZONE);
  const from = query.from ?? (query.to && query.to < today ? query.to : today);
  const limit = addDaysToDate(from, MAX_RANGE_DAYS - 1);
  return { from, to: query.to ? earlierDate(query.to, limit) : limit };
}

/** What a worker's last slot list was planned with, by `workerRef service`: see workerSlots. */
type SlotsGuess = { timeZone: string; bookingHorizonDays: number; durationMinutes: number };
const guesses = new Map<string, SlotsGuess>();
const MAX_GUESSES = 10_000;

/** The rows range a slot list would need if the worker and service are still as `guess` says. */
function guessedRange(guess: SlotsGuess, query: SlotsQuery, now: Date): Range | null {
  try {
    const { timeZone, bookingHorizonDays, durationMinutes } = guess;
    const days = askedDays(query, todayIn(now, timeZone), bookingHorizonDays);
    return rowsRange(bounds(bookingHorizonDays, timeZone, days, now), durationMinutes);
  } catch {
    return null; // A query this guess finds invalid is judged again with the worker's real zone.
  }
}

const sameRange = (a: Range | null, b: Range | null) =>
  a === null || b === null ? a === b : a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();

/**
 * GET /workers/{ref}/slots. An unknown or inactive worker or service is 404; a service the worker
 * does not perform is 400 validation_failed on `service` (the query names a service that cannot
 * apply to this worker; nothing is missing and nothing is in a conflicting state).
 *
 * A list asked for before is answered again after one small query shows that nothing it was computed
 * from has changed since (lib/availability/slot-lists.ts). Otherwise: which instants matter depends
 * on the worker's zone, horizon and the service's duration, which are only known once read. So the
 * rows are read in the same round trip as the worker, over the range the previous list for this
 * worker and service was planned with; when that range turns out to be another (first request, or
 * the worker or service changed), they are read again over the right one. The answer is shared:
 * callers must not change it.
 */
export async function workerSlots(workerRef: string, query: SlotsQuery, now: Date): Promise<SlotList> {
  const db = await getDb();
  const listKey = [workerRef, query.service, query.date, query.from, query.to].join(" ");
  const remembered = recallSlotList(db, listKey, now);
  if (remembered && (await readFingerprint(db, remembered.keys)) === remembered.fingerprint) return remembered.list;
  const key = `${workerRef} ${query.service}`;
  const guess = guesses.get(key);
  const guessed = guess ? guessedRange(guess, query, now) : null;
  const found = await findSlotsContext(db, workerRef, query.service, shiftLookupRange(lookupDays(query, now)), guessed);
  const { worker, service, performs, shiftTimeZone } = found;
  if (!worker?.active) throw notFound("Worker");
  if (!service?.active) throw notFound("Service");
  if (!performs) throw invalidQuery("service", "This worker does not perform that service.");
  const timeZone = worker.homeTimeZone ?? shiftTimeZone ?? FALLBACK_TIME_ZONE;
  const p = plan(worker, timeZone, askedDays(query, todayIn(now, timeZone), worker.bookingHorizonDays), now);
  const range = rowsRange(p, service.durationMinutes);
  if (guess && sameRange(guessed, range)) {
    const list = { timezone: timeZone, slots: slotsOf(found.rows, p, service, now) };
    if (found.fingerprint !== null) {
      rememberSlotList(db, listKey, {
        list,
        keys: scheduleKeys(worker.id, found.rows.shifts),
        fingerprint: found.fingerprint,
        now,
        // Today, in the worker's zone and in UTC (where a worker without a home looks for shifts).
        dayEnds: [todayEndIn(now, timeZone), todayEndIn(now, FALLBACK_TIME_ZONE)],
      });
    }
    return list;
  }
  if (guesses.size >= MAX_GUESSES) guesses.clear();
  guesses.set(key, {
    timeZone,
    bookingHorizonDays: worker.bookingHorizonDays,
    durationMinutes: service.durationMinutes,
  });
  const rows = range ? await loadWorkerDays(db, [worker.id], range) : noRows;
  return { timezone: timeZone, slots: slotsOf(rows, p, service, now) };
}

/** Each worker's public JSON, those not remembered yet read together (workersToJson). */
function rememberedWorkersJson(db: Executor, remember: Remember, workers: ZonedWorker[]): Promise<WorkerJson[]> {
  const missing: ZonedWorker[] = [];
  let batch: Promise<WorkerJson[]> | undefined;
  return Promise.all(
    workers.map((worker) =>
      remember(`worker ${worker.id}`, () => {
        const index = missing.push(worker) - 1;
        // Started once every worker of the page has been looked at, so one read serves them all.
        batch ??= Promise.resolve().then(() => workersToJson(db, missing));
        // workersToJson answers one entry per row, in their order.
        return batch.then((list) => list[index] as WorkerJson);
      }),
    ),
  );
}

/**
 * GET /availability: active workers performing the service (optionally of a specialty, optionally
 * at a location), one page of them by name, each with their slots on `date` (default: today).
 * With `location`, the day is read in that location's zone and only shifts there count; otherwise
 * in each worker's zone (see workerTimeZones). Workers with no free slot are listed too, with `[]`.
 * A constant number of queries for the whole page.
 */
export async function serviceAvailability(query: AvailabilityQuery, now: Date) {
  const db = await getDb();
  const remember = await catalogMemo(db);
  const { specialty: specialtyRef, location: locationRef } = query;
  const [service, specialty, location] = await Promise.all([
    remember(`service ${query.service}`, () => findByRef(services, query.service, db)),
    specialtyRef ? remember(`specialty ${specialtyRef}`, () => findByRef(specialties, specialtyRef, db)) : undefined,
    locationRef ? remember(`location ${locationRef}`, () => findByRef(locations, locationRef, db)) : undefined,
  ]);
  if (!service?.active) throw notFound("Service");
  if (query.specialty && !specialty) throw notFound("Specialty");
  if (query.location && !location) throw notFound("Location");

  const dayIn = (timeZone: string) => query.date ?? todayIn(now, timeZone);
  const filter = {
    serviceId: service.id,
    specialtyId: specialty?.id,
    location: location && {
      id: location.id,
      range: localDaysInterval(dayIn(location.timezone), dayIn(location.timezone), location.timezone),
    },
    limit: query.limit,
    offset: query.offset,
  };
  // At a location the page depends on shifts there, which are not catalog data: read every time.
  const workers = location
    ? await findServiceWorkers(db, filter)
    : await remember(`workers ${service.id} ${specialty?.id} ${query.limit} ${query.offset}`, () =>
        findServiceWorkers(db, filter),
      );
  const utcDay = dayIn(FALLBACK_TIME_ZONE);
  const zones = location
    ? new Map(workers.map((w) => [w.id, location.timezone]))
    : await workerTimeZones(db, workers, { from: utcDay, to: utcDay });
  const bounds = new Map<string, Bounds>();
  const plans = workers.map((worker) => {
    const timeZone = zones.get(worker.id) ?? FALLBACK_TIME_ZONE;
    return plan(worker, timeZone, { from: dayIn(timeZone), to: dayIn(timeZone) }, now, bounds);
  });
  const range = unionRange(plans.map((p) => rowsRange(p, service.durationMinutes)));
  const ids = workers.map((w) => w.id);
  const [rows, workerJson] = await Promise.all([
    range ? loadWorkerDays(db, ids, range) : noRows,
    rememberedWorkersJson(db, remember, workers),
  ]);
  const rowsOf = rowsPerWorker(rows);
  return {
    items: plans.map((p, i) => ({
      worker: workerJson[i],
      timezone: p.timeZone,
      slots: slotsOf(rowsOf(p.worker.id), p, service, now, location?.id),
    })),
  };
}
