// Lookups availability and bookings start from: workers by ref with their home zone, whether a
// worker performs a service, the context of a slot list (with its rows, from worker-days.ts), a
// location's day, and the page of workers performing a service. Plain functions of ids and refs.
import { and, asc, eq, exists, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { appointments } from "../schema/appointments";
import { locations, type Service, services, type Worker, workerServices, workers } from "../schema/catalog";
import { shifts } from "../schema/schedules";
import { statementFamily } from "../statements";
import { byRef, byRefPlaceholder, isUuid, refValues } from "./refs";
import { workerDaysFingerprint } from "./schedule-versions";
import {
  askedRange,
  duringOverlaps,
  duringOverlapsAsked,
  isBooked,
  oneWorkerDaysColumns,
  type Range,
  type Ref,
  type WorkerDays,
  workerDaysOf,
} from "./worker-days";

/** A worker with the timezone of their home location (null when they have none). */
export type ZonedWorker = Worker & { homeTimeZone: string | null };

export const zonedWorker = (row: { worker: Worker; homeTimeZone: string | null }): ZonedWorker => ({
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

/** Whether the worker performs the service: the booking rules ask this of a chosen worker. */
export async function performsService(db: Executor, workerId: string, serviceId: string): Promise<boolean> {
  const rows = await db
    .select({ workerId: workerServices.workerId })
    .from(workerServices)
    .where(and(eq(workerServices.workerId, workerId), eq(workerServices.serviceId, serviceId)))
    .limit(1);
  return rows.length > 0;
}

/** `exists` of the worker performing the service, for a statement that has `workers` and `services` in scope. */
export function performsExists(db: Executor): SQL<boolean> {
  const performs = db
    .select({ one: sql`1` })
    .from(workerServices)
    .where(and(eq(workerServices.workerId, workers.id), eq(workerServices.serviceId, services.id)));
  return sql<boolean>`${exists(performs)}`;
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

/** What a slot list needs of a worker. */
export type SlotsWorker = Pick<
  ZonedWorker,
  "id" | "active" | "bookingHorizonDays" | "slotStepMinutes" | "homeTimeZone"
>;
/** What a slot list needs of a service. */
export type SlotsService = Pick<
  Service,
  "id" | "active" | "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes"
>;

export type SlotsContext = {
  worker?: SlotsWorker;
  service?: SlotsService;
  /** Whether the worker performs the service (false when either is missing). */
  performs: boolean;
  /** For a worker without a home location: the zone of their first shift overlapping `shiftRange`. */
  shiftTimeZone: string | null;
  /** The worker's rows overlapping `rowsRange` (none without it, or without the worker). */
  rows: WorkerDays;
  /** What `rows` were read under (db/queries/schedule-versions.ts); null without the worker. */
  fingerprint: string | null;
};

/** The statement of findSlotsContext, one shape per whether each ref is a uuid (else a slug). */
const slotsContext = statementFamily("find_slots_context", (db, workerUuid: boolean, serviceUuid: boolean) => {
  const home = alias(locations, "home");
  const homeZone = db.select({ timeZone: home.timezone }).from(home).where(eq(home.id, workers.locationId));
  const firstShiftZone = db
    .select({ timeZone: locations.timezone })
    .from(shifts)
    .innerJoin(locations, eq(locations.id, shifts.locationId))
    .where(and(eq(shifts.workerId, workers.id), duringOverlapsAsked(shifts.during, "shift")))
    .orderBy(shifts.startAt)
    .limit(1);
  return (
    db
      .select({
        workerId: workers.id,
        workerActive: workers.active,
        bookingHorizonDays: workers.bookingHorizonDays,
        slotStepMinutes: workers.slotStepMinutes,
        // Scalar subqueries, probed by primary key: a generic plan would hash the whole table.
        homeTimeZone: sql<string | null>`(${homeZone})`,
        serviceId: services.id,
        serviceActive: services.active,
        durationMinutes: services.durationMinutes,
        bufferBeforeMinutes: services.bufferBeforeMinutes,
        bufferAfterMinutes: services.bufferAfterMinutes,
        performs: performsExists(db),
        shiftTimeZone: sql<string | null>`case when ${workers.locationId} is null then (${firstShiftZone}) end`,
        ...oneWorkerDaysColumns(workers.id),
        fingerprint: workerDaysFingerprint(workers.id),
      })
      // One row whether or not the worker and the service exist, so that a missing one reads as absent.
      .from(sql`(select 1) as one`)
      .leftJoin(workers, byRefPlaceholder(workers, workerUuid, "worker"))
      .leftJoin(services, byRefPlaceholder(services, serviceUuid, "service"))
      .limit(1)
  );
});

/**
 * What a slot list needs, in one round trip: the worker by ref (with their home zone), the service
 * by ref, whether the worker performs it, for a worker without a home location the zone of their
 * first shift in `shiftRange` (what shiftTimeZones gives), and — when the caller can tell which
 * instants matter before knowing the worker — their rows overlapping `rowsRange` (loadWorkerDays).
 */
export async function findSlotsContext(
  db: Executor,
  workerRef: string,
  serviceRef: string,
  shiftRange: Range,
  rowsRange: Range | null,
): Promise<SlotsContext> {
  const run = slotsContext(isUuid(workerRef), isUuid(serviceRef));
  // Without a rows range, an empty one: `[t, t)` overlaps nothing.
  const rows = rowsRange ?? { start: shiftRange.start, end: shiftRange.start };
  const [row] = await run(db, {
    ...refValues("worker", workerRef),
    ...refValues("service", serviceRef),
    ...askedRange(shiftRange, "shift"),
    ...askedRange(rows),
  });
  return {
    worker: row?.workerId
      ? {
          id: row.workerId,
          active: row.workerActive === true,
          bookingHorizonDays: row.bookingHorizonDays ?? 0,
          slotStepMinutes: row.slotStepMinutes ?? null,
          homeTimeZone: row.homeTimeZone,
        }
      : undefined,
    service: row?.serviceId
      ? {
          id: row.serviceId,
          active: row.serviceActive === true,
          durationMinutes: row.durationMinutes ?? 0,
          bufferBeforeMinutes: row.bufferBeforeMinutes ?? 0,
          bufferAfterMinutes: row.bufferAfterMinutes ?? 0,
        }
      : undefined,
    performs: row?.performs === true,
    shiftTimeZone: row?.shiftTimeZone ?? null,
    rows: workerDaysOf(row?.workerId ? row : undefined),
    fingerprint: row?.workerId ? row.fingerprint : null,
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
