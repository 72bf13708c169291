// Rows that availability is computed from: only those of the asked worker(s) and instants, found
// through the gist indexes on (worker_id, during) and (location_id, during) (drizzle/0002), in a fixed
// number of queries whatever the number of workers (DESIGN.md "Data"). Plain functions of ids.
import { and, asc, eq, exists, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { appointments } from "../schema/appointments";
import { type Location, locations, type Worker, workerServices, workers } from "../schema/catalog";
import { shifts, timeOff } from "../schema/schedules";
import { byRef } from "./refs";

export type Range = { start: Date; end: Date };
type Ref = { id: string; slug: string; name: string };

/** `during && [start, end)`: the overlap operator the gist indexes answer. */
export function duringOverlaps(during: PgColumn, range: Range): SQL {
  return sql`${during} && tstzrange(${range.start.toISOString()}::timestamptz, ${range.end.toISOString()}::timestamptz, '[)')`;
}

// Written as a literal, not a bound parameter, so that the planner can match the partial indexes of
// the exclusion constraints (WHERE status = 'booked') even with a generic prepared plan.
const isBooked = sql`${appointments.status} = 'booked'`;

/** A worker with the timezone of their home location (null when they have none). */
export type ZonedWorker = Worker & { homeTimeZone: string | null };

const zonedWorker = (row: { worker: Worker; homeTimeZone: string | null }): ZonedWorker => ({
  ...row.worker,
  homeTimeZone: row.homeTimeZone,
});

/** A worker by id or slug, with their home location's time zone. */
export async function findZonedWorker(db: Executor, ref: string): Promise<ZonedWorker | undefined> {
  const [row] = await db
    .select({ worker: workers, homeTimeZone: locations.timezone })
    .from(workers)
    .leftJoin(locations, eq(locations.id, workers.locationId))
    .where(byRef(workers, ref))
    .limit(1);
  return row && zonedWorker(row);
}

export async function performsService(db: Executor, workerId: string, serviceId: string): Promise<boolean> {
  const rows = await db
    .select({ workerId: workerServices.workerId })
    .from(workerServices)
    .where(and(eq(workerServices.workerId, workerId), eq(workerServices.serviceId, serviceId)))
    .limit(1);
  return rows.length > 0;
}

/**
 * For workers without a home location: the timezone of the location of each worker's first shift
 * overlapping `range`. Workers with no such shift are missing from the map.
 */
export async function shiftTimeZones(db: Executor, workerIds: string[], range: Range): Promise<Map<string, string>> {
  if (workerIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([shifts.workerId], { workerId: shifts.workerId, timeZone: locations.timezone })
    .from(shifts)
    .innerJoin(locations, eq(locations.id, shifts.locationId))
    .where(and(inArray(shifts.workerId, workerIds), duringOverlaps(shifts.during, range)))
    .orderBy(shifts.workerId, shifts.startAt);
  return new Map(rows.map((r) => [r.workerId, r.timeZone]));
}

export type ShiftRow = {
  id: string;
  workerId: string;
  locationId: string;
  start: Date;
  end: Date;
  location: Ref & { kind: Location["kind"]; timeZone: string };
};
export type WorkerBusyRow = { workerId: string; start: Date; end: Date };
export type LocationBusyRow = { locationId: string; start: Date; end: Date };
export type WorkerDays = {
  shifts: ShiftRow[];
  timeOff: WorkerBusyRow[];
  /** Booked appointments of the workers. */
  workerAppointments: WorkerBusyRow[];
  /** Booked appointments (anyone's, rooms' too) at the locations of those shifts. */
  locationAppointments: LocationBusyRow[];
};

/**
 * Shifts (with their location), time off and booked appointments of `workerIds` overlapping `range`,
 * and the booked appointments overlapping `range` at the locations of those shifts: four queries in
 * two round trips, however many workers are asked for.
 */
export async function loadWorkerDays(db: Executor, workerIds: string[], range: Range): Promise<WorkerDays> {
  if (workerIds.length === 0) return { shifts: [], timeOff: [], workerAppointments: [], locationAppointments: [] };
  const shiftsInRange = and(inArray(shifts.workerId, workerIds), duringOverlaps(shifts.during, range));
  const [shiftRows, timeOffRows, workerAppointments] = await Promise.all([
    db
      .select({
        id: shifts.id,
        workerId: shifts.workerId,
        locationId: shifts.locationId,
        start: shifts.startAt,
        end: shifts.endAt,
        location: {
          id: locations.id,
          slug: locations.slug,
          name: locations.name,
          kind: locations.kind,
          timeZone: locations.timezone,
        },
      })
      .from(shifts)
      .innerJoin(locations, eq(locations.id, shifts.locationId))
      .where(shiftsInRange)
      .orderBy(asc(shifts.startAt)),
    db
      .select({ workerId: timeOff.workerId, start: timeOff.startAt, end: timeOff.endAt })
      .from(timeOff)
      .where(and(inArray(timeOff.workerId, workerIds), duringOverlaps(timeOff.during, range)))
      .orderBy(asc(timeOff.startAt)),
    db
      .select({ workerId: appointments.workerId, start: appointments.startAt, end: appointments.endAt })
      .from(appointments)
      .where(and(isBooked, inArray(appointments.workerId, workerIds), duringOverlaps(appointments.during, range)))
      .orderBy(asc(appointments.startAt)),
  ]);
  // Asked with the locations the shifts name rather than a subquery over shifts: the planner then
  // probes the (location_id, during) index once per location instead of scanning by time alone.
  const locationIds = [...new Set(shiftRows.map((shift) => shift.locationId))];
  const locationAppointments = locationIds.length
    ? await db
        .select({ locationId: appointments.locationId, start: appointments.startAt, end: appointments.endAt })
        .from(appointments)
        .where(and(isBooked, inArray(appointments.locationId, locationIds), duringOverlaps(appointments.during, range)))
        .orderBy(asc(appointments.startAt))
    : [];
  return {
    shifts: shiftRows,
    timeOff: timeOffRows,
    // The worker_id filter leaves no null, which the column type cannot know.
    workerAppointments: workerAppointments.map((a) => ({ ...a, workerId: a.workerId ?? "" })),
    locationAppointments,
  };
}

export type LocationDay = {
  shifts: { start: Date; end: Date; worker: Ref }[];
  appointments: { start: Date; end: Date }[];
};

/** Shifts (with their worker) and booked appointments at one location overlapping `range`: two queries. */
export async function loadLocationDay(db: Executor, locationId: string, range: Range): Promise<LocationDay> {
  const [shiftRows, appointmentRows] = await Promise.all([
    db
      .select({
        start: shifts.startAt,
        end: shifts.endAt,
        worker: { id: workers.id, slug: workers.slug, name: workers.name },
      })
      .from(shifts)
      .innerJoin(workers, eq(workers.id, shifts.workerId))
      .where(and(eq(shifts.locationId, locationId), duringOverlaps(shifts.during, range)))
      .orderBy(asc(shifts.startAt)),
    db
      .select({ start: appointments.startAt, end: appointments.endAt })
      .from(appointments)
      .where(and(isBooked, eq(appointments.locationId, locationId), duringOverlaps(appointments.during, range)))
      .orderBy(asc(appointments.startAt)),
  ]);
  return { shifts: shiftRows, appointments: appointmentRows };
}

export type ServiceWorkersFilter = {
  serviceId: string;
  specialtyId?: string;
  /** Workers at home there, or with a shift there overlapping `range`. */
  location?: { id: string; range: Range };
  limit: number;
  offset: number;
};

/** Active workers performing a service, by name, one page of them. */
export async function findServiceWorkers(db: Executor, filter: ServiceWorkersFilter): Promise<ZonedWorker[]> {
  const conditions: (SQL | undefined)[] = [eq(workers.active, true)];
  if (filter.specialtyId) conditions.push(eq(workers.specialtyId, filter.specialtyId));
  if (filter.location) {
    const { id, range } = filter.location;
    const shiftThere = db
      .select({ one: sql`1` })
      .from(shifts)
      .where(and(eq(shifts.workerId, workers.id), eq(shifts.locationId, id), duringOverlaps(shifts.during, range)));
    conditions.push(or(eq(workers.locationId, id), exists(shiftThere)));
  }
  const rows = await db
    .select({ worker: workers, homeTimeZone: locations.timezone })
    .from(workers)
    .leftJoin(locations, eq(locations.id, workers.locationId))
    .innerJoin(
      workerServices,
      and(eq(workerServices.workerId, workers.id), eq(workerServices.serviceId, filter.serviceId)),
    )
    .where(and(...conditions))
    .orderBy(asc(workers.name), asc(workers.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return rows.map(zonedWorker);
}
