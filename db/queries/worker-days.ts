// The rows slots are computed from — shifts, time off and booked appointments (their held intervals,
// buffers included) of the asked worker(s) and instants — found through the gist indexes on
// (worker_id, during) and (location_id, during) (drizzle/0002; (worker_id, held) and (location_id,
// held) for appointments, drizzle/0017), in one statement whatever the number of workers (DESIGN.md
// "Data"), and the `during && range` conditions the other queries share.
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { appointments } from "../schema/appointments";
import { type Location, locations } from "../schema/catalog";
import { shifts, timeOff } from "../schema/schedules";
import { statement } from "../statements";

export type Range = { start: Date; end: Date };
export type Ref = { id: string; slug: string; name: string };

/** `during && [start, end)`: the overlap operator the gist indexes answer. */
export function duringOverlaps(during: PgColumn, range: Range): SQL {
  return sql`${during} && tstzrange(${range.start.toISOString()}::timestamptz, ${range.end.toISOString()}::timestamptz, '[)')`;
}

/** `duringOverlaps` for a prepared statement: the range is the placeholders of `askedRange(…, name)`. */
export const duringOverlapsAsked = (during: PgColumn, name = "range"): SQL =>
  sql`${during} && tstzrange(${sql.placeholder(`${name}Start`)}::timestamptz, ${sql.placeholder(`${name}End`)}::timestamptz, '[)')`;

export const askedRange = (range: Range, name = "range") => ({
  [`${name}Start`]: range.start.toISOString(),
  [`${name}End`]: range.end.toISOString(),
});

// Written as a literal, not a bound parameter, so that the planner can match the partial indexes of
// the exclusion constraints (WHERE status = 'booked') even with a generic prepared plan.
export const isBooked = sql`${appointments.status} = 'booked'`;

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
  /** Booked appointments of the workers: their held intervals (with the services' buffers). */
  workerAppointments: WorkerBusyRow[];
  /** Booked appointments (anyone's, rooms' too) at the locations of those shifts: held intervals. */
  locationAppointments: LocationBusyRow[];
};

/** Milliseconds since the epoch as a JSON number: exact for instants, and cheap to read back. */
const epochMs = (column: PgColumn) => sql`(extract(epoch from ${column}) * 1000)::float8`;

export type WorkerDaysJson = {
  shifts: [string, string, string, number, number, string, string, Location["kind"], string][];
  time_off: [string, number, number][];
  worker_appointments: [string, number, number][];
  location_appointments: [string, number, number][];
};

// A booked appointment keeps its worker and location busy for its held interval: its own, widened by
// its service's buffers (appointments.held, drizzle/0017), read through the gist indexes on held.
const heldStartMs = sql`(extract(epoch from lower(${appointments.held})) * 1000)::float8`;
const heldEndMs = sql`(extract(epoch from upper(${appointments.held})) * 1000)::float8`;

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
export function oneWorkerDaysColumns(id: SQL | PgColumn) {
  const shiftsOfWorker = sql`${shifts.workerId} = ${id} and ${duringOverlapsAsked(shifts.during)}`;
  const ofWorker = (table: typeof timeOff) =>
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
    >`(select ${aggregate(sql`${appointments.workerId}, ${heldStartMs}, ${heldEndMs}`, sql`${appointments.startAt}`)}
      from ${appointments}
      where ${appointments.workerId} = ${id} and ${isBooked} and ${duringOverlapsAsked(appointments.held)})`,
    location_appointments: sql<WorkerDaysJson["location_appointments"]>`(select ${aggregate(
      sql`${appointments.locationId}, ${heldStartMs}, ${heldEndMs}`,
      sql`${appointments.startAt}`,
    )} from ${appointments}
      where ${appointments.locationId} in (select ${shifts.locationId} from ${shifts} where ${shiftsOfWorker})
        and ${isBooked} and ${duringOverlapsAsked(appointments.held)})`,
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
             ${heldStartMs} as start_ms, ${heldEndMs} as end_ms
      from ${appointments}
      where ${isBooked} and ${duringOverlapsAsked(appointments.held)}
        and (${isAsked(appointments.workerId)} or ${appointments.locationId} in (select location_id from worker_shifts))
    )
    select ${shiftsJson}, ${timeOffJson(isAsked(timeOff.workerId))},
      (select ${aggregate(sql`worker_id, start_ms, end_ms`, sql`start_at`)} from busy
       where ${isAsked(sql`busy.worker_id`)}) as worker_appointments,
      (select ${aggregate(sql`location_id, start_ms, end_ms`, sql`start_at`)} from busy
       where location_id in (select location_id from worker_shifts)) as location_appointments`;
}

const oneWorkerDaysStatement = statement<WorkerDaysJson>("load_worker_days_one", oneWorkerDays);
const manyWorkersDaysStatement = statement<WorkerDaysJson>("load_worker_days_many", manyWorkersDays);

/**
 * Shifts (with their location), time off and booked appointments of `workerIds` overlapping `range`,
 * and the booked appointments overlapping `range` at the locations of those shifts: one statement,
 * one round trip, however many workers are asked for, built once (db/statements.ts).
 */
export async function loadWorkerDays(db: Executor, workerIds: string[], range: Range): Promise<WorkerDays> {
  if (workerIds.length === 0) return { shifts: [], timeOff: [], workerAppointments: [], locationAppointments: [] };
  const one = workerIds.length === 1;
  const run = one ? oneWorkerDaysStatement : manyWorkersDaysStatement;
  // Many ids as one uuid[] literal, so that the statement is the same for any number of them.
  const [row] = await run(db, { workerIds: one ? workerIds[0] : `{${workerIds.join(",")}}`, ...askedRange(range) });
  return workerDaysOf(row);
}

const ofWorker = ([workerId, start, end]: [string, number, number]) => ({
  workerId,
  start: new Date(start),
  end: new Date(end),
});

/** WorkerDays from the JSON columns of a statement (absent columns: no rows). */
export function workerDaysOf(row: Partial<WorkerDaysJson> | undefined): WorkerDays {
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
