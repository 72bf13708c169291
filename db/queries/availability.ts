// Rows that availability is computed from: only those of the asked worker(s) and instants, found
// through the gist indexes on (worker_id, during) and (location_id, during) (drizzle/0002), in a fixed
// number of queries whatever the number of workers (DESIGN.md "Data"). Plain functions of ids.
import { and, asc, eq, exists, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias, type PgColumn } from "drizzle-orm/pg-core";
import { type Executor, preparedRaw, preparedStatement } from "../client";
import { appointments } from "../schema/appointments";
import {
  type Location,
  locations,
  type Service,
  services,
  type Worker,
  workerServices,
  workers,
} from "../schema/catalog";
import { shifts, timeOff } from "../schema/schedules";
import { byRef, byRefPlaceholder, isUuid, refValues } from "./refs";

export type Range = { start: Date; end: Date };
type Ref = { id: string; slug: string; name: string };

/** `during && [start, end)`: the overlap operator the gist indexes answer. */
export function duringOverlaps(during: PgColumn, range: Range): SQL {
  return sql`${during} && tstzrange(${range.start.toISOString()}::timestamptz, ${range.end.toISOString()}::timestamptz, '[)')`;
}

/** `duringOverlaps` for a prepared statement: the range is the placeholders of `askedRange(…, name)`. */
const duringOverlapsAsked = (during: PgColumn, name = "range"): SQL =>
  sql`${during} && tstzrange(${sql.placeholder(`${name}Start`)}::timestamptz, ${sql.placeholder(`${name}End`)}::timestamptz, '[)')`;

const askedRange = (range: Range, name = "range") => ({
  [`${name}Start`]: range.start.toISOString(),
  [`${name}End`]: range.end.toISOString(),
});

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

/** Whether the worker performs the service: the booking rules ask this of a chosen worker. */
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

/** Milliseconds since the epoch as a JSON number: exact for instants, and cheap to read back. */
const epochMs = (column: PgColumn) => sql`(extract(epoch from ${column}) * 1000)::float8`;

type WorkerDaysJson = {
  shifts: [string, string, string, number, number, string, string, Location["kind"], string][];
  time_off: [string, number, number][];
  worker_appointments: [string, number, number][];
  location_appointments: [string, number, number][];
};

const aggregate = (fields: SQL, order: SQL) =>
  sql`coalesce(json_agg(json_build_array(${fields}) order by ${order}), '[]')`;

const shiftFields = sql`${shifts.id} as id, ${shifts.workerId} as worker_id, ${shifts.locationId} as location_id,
  ${shifts.startAt} as start_at, ${epochMs(shifts.startAt)} as start_ms, ${epochMs(shifts.endAt)} as end_ms,
  ${locations.slug} as slug, ${locations.name} as name, ${locations.kind} as kind, ${locations.timezone} as timezone`;
const shiftsJson = sql`(select ${aggregate(
  sql`id, worker_id, location_id, start_ms, end_ms, slug, name, kind, timezone`,
  sql`start_at`,
)} from worker_shifts) as shifts`;
const timeOffJson = (asked: SQL) =>
  sql`(select ${aggregate(
    sql`${timeOff.workerId}, ${epochMs(timeOff.startAt)}, ${epochMs(timeOff.endAt)}`,
    sql`${timeOff.startAt}`,
  )} from ${timeOff} where ${asked} and ${duringOverlapsAsked(timeOff.during)}) as time_off`;

/**
 * The rows of one worker (`id`: a placeholder, or a column of an enclosing query) overlapping the
 * asked range, as the four JSON columns of WorkerDaysJson. Each table is probed through its gist
 * index on (worker_id or location_id, during), one worker at a time, which a gist index can do where
 * it cannot use `= any(array)`.
 */
function oneWorkerDaysColumns(id: SQL | PgColumn) {
  const shiftsOfWorker = sql`${shifts.workerId} = ${id} and ${duringOverlapsAsked(shifts.during)}`;
  const ofWorker = (table: typeof timeOff | typeof appointments) =>
    aggregate(sql`${table.workerId}, ${epochMs(table.startAt)}, ${epochMs(table.endAt)}`, sql`${table.startAt}`);
  return {
    shifts: sql<WorkerDaysJson["shifts"]>`(select ${aggregate(
      sql`${shifts.id}, ${shifts.workerId}, ${shifts.locationId}, ${epochMs(shifts.startAt)}, ${epochMs(shifts.endAt)},
        ${locations.slug}, ${locations.name}, ${locations.kind}, ${locations.timezone}`,
      sql`${shifts.startAt}`,
    )} from ${shifts} cross join lateral (select * from ${locations} where ${locations.id} = ${shifts.locationId}) ${locations}
      where ${shiftsOfWorker})`,
    time_off: sql<WorkerDaysJson["time_off"]>`(select ${ofWorker(timeOff)} from ${timeOff}
      where ${timeOff.workerId} = ${id} and ${duringOverlapsAsked(timeOff.during)})`,
    worker_appointments: sql<
      WorkerDaysJson["worker_appointments"]
    >`(select ${ofWorker(appointments)} from ${appointments}
      where ${appointments.workerId} = ${id} and ${isBooked} and ${duringOverlapsAsked(appointments.during)})`,
    location_appointments: sql<WorkerDaysJson["location_appointments"]>`(select ${aggregate(
      sql`${appointments.locationId}, ${epochMs(appointments.startAt)}, ${epochMs(appointments.endAt)}`,
      sql`${appointments.startAt}`,
    )} from ${appointments}
      where ${appointments.locationId} in (select ${shifts.locationId} from ${shifts} where ${shiftsOfWorker})
        and ${isBooked} and ${duringOverlapsAsked(appointments.during)})`,
  };
}

function oneWorkerDays(): SQL {
  const columns = Object.entries(oneWorkerDaysColumns(sql`${sql.placeholder("workerIds")}::uuid`));
  return sql`select ${sql.join(
    columns.map(([name, column]) => sql`${column} as ${sql.raw(name)}`),
    sql`, `,
  )}`;
}

/**
 * Many workers (a page of availability): the booked appointments of the range are read once through
 * the gist index on `during`, keeping those of the workers and of their shifts' locations; probing
 * the index once per worker would cost more than that one scan.
 */
function manyWorkersDays(): SQL {
  // The array in a subquery is parsed once per execution; a bare `$1::uuid[]` would be cast anew for
  // every row it is compared with under a generic plan.
  const isAsked = (column: SQL | PgColumn) =>
    sql`${column} = any((select ${sql.placeholder("workerIds")}::uuid[])::uuid[])`;
  return sql`
    with worker_shifts as materialized (
      select ${shiftFields} from ${shifts} join ${locations} on ${locations.id} = ${shifts.locationId}
      where ${isAsked(shifts.workerId)} and ${duringOverlapsAsked(shifts.during)}
    ),
    busy as materialized (
      select ${appointments.workerId} as worker_id, ${appointments.locationId} as location_id, ${appointments.startAt} as start_at,
             ${epochMs(appointments.startAt)} as start_ms, ${epochMs(appointments.endAt)} as end_ms
      from ${appointments}
      where ${isBooked} and ${duringOverlapsAsked(appointments.during)}
        and (${isAsked(appointments.workerId)} or ${appointments.locationId} in (select location_id from worker_shifts))
    )
    select ${shiftsJson}, ${timeOffJson(isAsked(timeOff.workerId))},
      (select ${aggregate(sql`worker_id, start_ms, end_ms`, sql`start_at`)} from busy
       where ${isAsked(sql`busy.worker_id`)}) as worker_appointments,
      (select ${aggregate(sql`location_id, start_ms, end_ms`, sql`start_at`)} from busy
       where location_id in (select location_id from worker_shifts)) as location_appointments`;
}

/**
 * Shifts (with their location), time off and booked appointments of `workerIds` overlapping `range`,
 * and the booked appointments overlapping `range` at the locations of those shifts: one statement,
 * one round trip, however many workers are asked for, prepared once (see preparedStatement).
 */
export async function loadWorkerDays(db: Executor, workerIds: string[], range: Range): Promise<WorkerDays> {
  if (workerIds.length === 0) return { shifts: [], timeOff: [], workerAppointments: [], locationAppointments: [] };
  const one = workerIds.length === 1;
  const run = preparedRaw<WorkerDaysJson>(db, one ? "load_worker_days_one" : "load_worker_days_many", () =>
    one ? oneWorkerDays() : manyWorkersDays(),
  );
  // Many ids as one uuid[] literal, so that the statement is the same for any number of them.
  const [row] = await run({ workerIds: one ? workerIds[0] : `{${workerIds.join(",")}}`, ...askedRange(range) });
  return workerDaysOf(row);
}

const ofWorker = ([workerId, start, end]: [string, number, number]) => ({
  workerId,
  start: new Date(start),
  end: new Date(end),
});

/** WorkerDays from the JSON columns of a statement (absent columns: no rows). */
function workerDaysOf(row: Partial<WorkerDaysJson> | undefined): WorkerDays {
  return {
    shifts: (row?.shifts ?? []).map(([id, workerId, locationId, start, end, slug, name, kind, timeZone]) => ({
      id,
      workerId,
      locationId,
      start: new Date(start),
      end: new Date(end),
      location: { id: locationId, slug, name, kind, timeZone },
    })),
    timeOff: (row?.time_off ?? []).map(ofWorker),
    workerAppointments: (row?.worker_appointments ?? []).map(ofWorker),
    locationAppointments: (row?.location_appointments ?? []).map(([locationId, start, end]) => ({
      locationId,
      start: new Date(start),
      end: new Date(end),
    })),
  };
}

/** What a slot list needs of a worker. */
export type SlotsWorker = Pick<
  ZonedWorker,
  "id" | "active" | "bookingHorizonDays" | "slotStepMinutes" | "homeTimeZone"
>;
/** What a slot list needs of a service. */
export type SlotsService = Pick<Service, "id" | "active" | "durationMinutes">;

export type SlotsContext = {
  worker?: SlotsWorker;
  service?: SlotsService;
  /** Whether the worker performs the service (false when either is missing). */
  performs: boolean;
  /** For a worker without a home location: the zone of their first shift overlapping `shiftRange`. */
  shiftTimeZone: string | null;
  /** The worker's rows overlapping `rowsRange` (none without it, or without the worker). */
  rows: WorkerDays;
};

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
  const [workerUuid, serviceUuid] = [isUuid(workerRef), isUuid(serviceRef)];
  const run = preparedStatement(db, `find_slots_context_${workerUuid}_${serviceUuid}`, () => {
    const home = alias(locations, "home");
    const homeZone = db.select({ timeZone: home.timezone }).from(home).where(eq(home.id, workers.locationId));
    const firstShiftZone = db
      .select({ timeZone: locations.timezone })
      .from(shifts)
      .innerJoin(locations, eq(locations.id, shifts.locationId))
      .where(and(eq(shifts.workerId, workers.id), duringOverlapsAsked(shifts.during, "shift")))
      .orderBy(shifts.startAt)
      .limit(1);
    const performs = db
      .select({ one: sql`1` })
      .from(workerServices)
      .where(and(eq(workerServices.workerId, workers.id), eq(workerServices.serviceId, services.id)));
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
          performs: sql<boolean>`${exists(performs)}`,
          shiftTimeZone: sql<string | null>`case when ${workers.locationId} is null then (${firstShiftZone}) end`,
          ...oneWorkerDaysColumns(workers.id),
        })
        // One row whether or not the worker and the service exist, so that a missing one reads as absent.
        .from(sql`(select 1) as one`)
        .leftJoin(workers, byRefPlaceholder(workers, workerUuid, "worker"))
        .leftJoin(services, byRefPlaceholder(services, serviceUuid, "service"))
        .limit(1)
        .prepare("find_slots_context")
    );
  });
  // Without a rows range, an empty one: `[t, t)` overlaps nothing.
  const rows = rowsRange ?? { start: shiftRange.start, end: shiftRange.start };
  const [row] = await run({
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
      ? { id: row.serviceId, active: row.serviceActive === true, durationMinutes: row.durationMinutes ?? 0 }
      : undefined,
    performs: row?.performs === true,
    shiftTimeZone: row?.shiftTimeZone ?? null,
    rows: workerDaysOf(row?.workerId ? row : undefined),
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

export type BookingRefs = {
  worker?: ZonedWorker;
  service?: Service;
  location?: Location;
  /** Whether the worker performs the service (false when either is missing). */
  performs: boolean;
};

/**
 * What a booking names, in one round trip: the worker (with their home zone), the service and the
 * location, each by id or slug and each optional, and whether the worker performs the service.
 */
export async function findBookingRefs(
  db: Executor,
  refs: { worker?: string; service?: string; location?: string },
): Promise<BookingRefs> {
  const shape = (ref?: string) => (ref === undefined ? "none" : isUuid(ref) ? "uuid" : "slug");
  const key = `find_booking_refs_${shape(refs.worker)}_${shape(refs.service)}_${shape(refs.location)}`;
  const run = preparedStatement(db, key, () => {
    const home = alias(locations, "home");
    const named = alias(locations, "named");
    const performs = db
      .select({ one: sql`1` })
      .from(workerServices)
      .where(and(eq(workerServices.workerId, workers.id), eq(workerServices.serviceId, services.id)));
    // A table not named joins on false: its columns read as null.
    const on = (table: typeof workers | typeof services | typeof named, name: keyof typeof refs) =>
      refs[name] === undefined ? sql`false` : byRefPlaceholder(table, isUuid(refs[name] ?? ""), name);
    return db
      .select({
        worker: workers,
        homeTimeZone: home.timezone,
        service: services,
        location: named,
        performs: sql<boolean>`${exists(performs)}`,
      })
      .from(sql`(select 1) as one`)
      .leftJoin(workers, on(workers, "worker"))
      .leftJoin(home, eq(home.id, workers.locationId))
      .leftJoin(services, on(services, "service"))
      .leftJoin(named, on(named, "location"))
      .limit(1)
      .prepare(key);
  });
  const values = Object.fromEntries(
    (["worker", "service", "location"] as const).flatMap((name) => {
      const ref = refs[name];
      return ref === undefined ? [] : Object.entries(refValues(name, ref));
    }),
  );
  const [row] = await run(values);
  return {
    worker: row?.worker ? zonedWorker({ worker: row.worker, homeTimeZone: row.homeTimeZone }) : undefined,
    service: row?.service ?? undefined,
    location: row?.location ?? undefined,
    performs: row?.performs === true,
  };
}
