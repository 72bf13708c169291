// One day of a worker's or a location's schedule, for anyone to read: when they work and when they
// are busy, never who booked (API.md "Schedules"). Intervals overlapping the day are given whole,
// not cut at midnight, so a night shift shows its real start and end.
import { getDb } from "@/db/client";
import { findZonedWorker, loadLocationDay } from "@/db/queries/availability";
import { findByRef } from "@/db/queries/catalog-shared";
import { loadWorkerDays } from "@/db/queries/worker-days";
import { locations } from "@/db/schema/catalog";
import { type Caller, isStaff } from "@/lib/auth/roles";
import type { LocationDay, WorkerDay } from "@/lib/contract";
import { notFound } from "@/lib/errors";
import { zonedDayBounds } from "@/lib/time/zoned";
import type { ScheduleQuery } from "@/lib/validation/availability";
import { FALLBACK_TIME_ZONE, intervalJson, todayIn } from "./calendar";
import { clipInterval, type Interval, mergeIntervals, overlaps } from "./intervals";
import { workerTimeZones } from "./time-zones";

/**
 * GET /workers/{ref}/schedule: `{ date, timezone, shifts: [{ start, end, location }], timeOff, busy }`
 * on `date` (default: today) in the worker's zone (see workerTimeZones). `busy` is every time the
 * worker cannot be booked because of a booking: their own booked appointments, and within each of
 * their shifts the booked appointments at that shift's location (a room booked directly, say),
 * merged into disjoint intervals so that nothing tells one booking from the next. An inactive worker
 * is 404 except to staff.
 */
export async function workerSchedule(
  workerRef: string,
  query: ScheduleQuery,
  now: Date,
  caller: Caller | null,
): Promise<WorkerDay> {
  const db = await getDb();
  const worker = await findZonedWorker(db, workerRef);
  if (!worker || (!worker.active && !(caller && isStaff(caller.role)))) throw notFound("Worker");
  const lookupDay = query.date ?? todayIn(now, FALLBACK_TIME_ZONE);
  const timeZone =
    worker.homeTimeZone ??
    (await workerTimeZones(db, [worker], { from: lookupDay, to: lookupDay })).get(worker.id) ??
    FALLBACK_TIME_ZONE;
  const date = query.date ?? todayIn(now, timeZone);
  const day = zonedDayBounds(date, timeZone);
  const rows = await loadWorkerDays(db, [worker.id], day);

  const atShiftLocations = rows.shifts.flatMap((shift) =>
    rows.locationAppointments
      .filter((a) => a.locationId === shift.locationId)
      .map((a) => clipInterval(a, shift))
      .filter((a): a is Interval => a !== null),
  );
  const busy = mergeIntervals([...rows.workerAppointments, ...atShiftLocations]).filter((i) => overlaps(i, day));
  return {
    date,
    timezone: timeZone,
    shifts: rows.shifts.map((s) => ({
      ...intervalJson(s, timeZone),
      location: { id: s.location.id, slug: s.location.slug, name: s.location.name },
    })),
    timeOff: rows.timeOff.map((t) => intervalJson(t, timeZone)),
    busy: busy.map((b) => intervalJson(b, timeZone)),
  };
}

/**
 * GET /locations/{ref}/schedule: the location's busy intervals on `date` (default: today) in its
 * zone, as `{ date, timezone, shifts: [{ start, end, worker: { id, slug, name } }], busy: [{ start, end }] }`.
 * `shifts` says which worker holds a workplace when; `busy` merges the booked appointments there
 * (any worker's, or the room's own) into disjoint intervals and never says who booked.
 */
export async function locationSchedule(locationRef: string, query: ScheduleQuery, now: Date): Promise<LocationDay> {
  const db = await getDb();
  const location = await findByRef(locations, locationRef, db);
  if (!location) throw notFound("Location");
  const timeZone = location.timezone;
  const date = query.date ?? todayIn(now, timeZone);
  const rows = await loadLocationDay(db, location.id, zonedDayBounds(date, timeZone));
  return {
    date,
    timezone: timeZone,
    shifts: rows.shifts.map((s) => ({ ...intervalJson(s, timeZone), worker: s.worker })),
    busy: mergeIntervals(rows.appointments).map((b) => intervalJson(b, timeZone)),
  };
}
