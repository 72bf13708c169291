// The rows a booking reads and writes (lib/booking/ runs the use cases: claim.ts checks the rules
// over these rows inside the transaction that create.ts and change.ts begin): what the body names,
// the worker's shifts over the interval held FOR SHARE (so a shift cannot be deleted or moved from
// under the new appointment before it commits) and their time off, the new appointment's row, and
// the client's appointments a 409 client_busy lists.
import { and, eq, ne, not, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { type Appointment, appointments } from "../schema/appointments";
import { type Location, locations, type Service, services, workers } from "../schema/catalog";
import { shifts, timeOff } from "../schema/schedules";
import { statement, statementFamily } from "../statements";
import { performsExists, type ZonedWorker, zonedWorker } from "./availability";
import { clientOverlapAllowedNow } from "./business";
import { byRefPlaceholder, isUuid, refValues } from "./refs";
import { askedRange, duringOverlaps, duringOverlapsAsked, isBooked, type Range } from "./worker-days";

/** The location an appointment is at, as its JSON and its times need it. */
export type BookedLocation = { id: string; slug: string; name: string; kind: Location["kind"]; timezone: string };

/** A shift of the worker over the asked interval, with its location. */
export type CoveringShift = Range & { locationId: string; location: BookedLocation };

/** The worker's shifts over the asked interval, with their locations, held FOR SHARE. */
const coveringShifts = statement("claim_interval_shifts", (db) =>
  db
    .select({
      start: shifts.startAt,
      end: shifts.endAt,
      locationId: shifts.locationId,
      location: {
        id: locations.id,
        slug: locations.slug,
        name: locations.name,
        kind: locations.kind,
        timezone: locations.timezone,
      },
    })
    .from(shifts)
    .innerJoin(locations, eq(locations.id, shifts.locationId))
    .where(and(eq(shifts.workerId, sql.placeholder("workerId")), duringOverlapsAsked(shifts.during)))
    .for("share", { of: shifts }),
);

/**
 * A lock of the transaction on one worker's (or room's) bookings, released when it ends. Bookings
 * of the same worker queue here, one after another, before their inserts: the exclusion constraints
 * still decide, but an insert then meets a committed row (409 at once) instead of another in-flight
 * insert, where two inserts wait for each other until PostgreSQL's deadlock check (1 s) breaks the
 * tie. Fifty people clicking one slot at once otherwise chain those seconds past the statement timeout.
 */
const bookingsLock = statement(
  "bookings_lock",
  () => sql`select pg_advisory_xact_lock(hashtextextended(${sql.placeholder("key")}::text, 0))::text as locked`,
);

/** Waits for, then holds until the transaction ends, the bookings lock of worker or room `id`. */
export async function lockBookingsOf(tx: Executor, id: string): Promise<void> {
  await bookingsLock(tx, { key: `bookings:${id}` });
}

/** The worker's time off over the asked interval. */
const timeOffStatement = statement("claim_interval_time_off", (db) =>
  db
    .select({ start: timeOff.startAt, end: timeOff.endAt })
    .from(timeOff)
    .where(and(eq(timeOff.workerId, sql.placeholder("workerId")), duringOverlapsAsked(timeOff.during))),
);

/**
 * The worker's shifts overlapping `range`, with their locations, held FOR SHARE until the
 * transaction ends (a shift change holds them FOR UPDATE, so it waits for the booking or the booking
 * waits for it).
 */
export function shiftsDuringForShare(tx: Executor, workerId: string, range: Range): Promise<CoveringShift[]> {
  return coveringShifts(tx, { workerId, ...askedRange(range) });
}

/** The worker's time off overlapping `range`. */
export function timeOffDuring(tx: Executor, workerId: string, range: Range): Promise<Range[]> {
  return timeOffStatement(tx, { workerId, ...askedRange(range) });
}

/** The columns a new appointment sets (cancelledAt and cancelledBy are null until it is cancelled). */
const NEW_APPOINTMENT_COLUMNS = [
  "id",
  "workerId",
  "locationId",
  "serviceId",
  "clientId",
  "startAt",
  "endAt",
  "status",
  "price",
  "currency",
  "notes",
  "buffersOverridden",
  "createdAt",
  "createdBy",
  "updatedAt",
] as const;

const insertNewAppointment = statement("insert_appointment", (db) =>
  db.insert(appointments).values({
    ...Object.fromEntries(NEW_APPOINTMENT_COLUMNS.map((c) => [c, sql.placeholder(c)])),
    clientOverlapAllowed: clientOverlapAllowedNow,
  } as never),
);

/** A new appointment's row: every column it sets (cancelledAt and cancelledBy stay null). */
export type NewAppointment = Pick<Appointment, (typeof NEW_APPOINTMENT_COLUMNS)[number]>;

/**
 * Inserts a new appointment, with the business's allowClientOverlap of now copied onto it in the
 * same statement (db/queries/business.ts). The database fills its held interval from the service's
 * buffers (none when `buffersOverridden`); the exclusion constraints refuse it when that is taken.
 */
export async function insertAppointment(tx: Executor, row: NewAppointment): Promise<void> {
  await insertNewAppointment(tx, Object.fromEntries(NEW_APPOINTMENT_COLUMNS.map((c) => [c, row[c]])));
}

export type BookingRefs = {
  worker?: ZonedWorker;
  service?: Service;
  location?: Location;
  /** Whether the worker performs the service (false when either is missing). */
  performs: boolean;
};

type RefShape = "none" | "uuid" | "slug";
const refShape = (ref?: string): RefShape => (ref === undefined ? "none" : isUuid(ref) ? "uuid" : "slug");

/** The statement of findBookingRefs, one shape per how each ref is given. */
const bookingRefs = statementFamily(
  "find_booking_refs",
  (db, worker: RefShape, service: RefShape, location: RefShape) => {
    const home = alias(locations, "home");
    const named = alias(locations, "named");
    // A table not named joins on false: its columns read as null.
    const on = (table: typeof workers | typeof services | typeof named, name: string, shape: RefShape) =>
      shape === "none" ? sql`false` : byRefPlaceholder(table, shape === "uuid", name);
    return db
      .select({
        worker: workers,
        homeTimeZone: home.timezone,
        service: services,
        location: named,
        performs: performsExists(db),
      })
      .from(sql`(select 1) as one`)
      .leftJoin(workers, on(workers, "worker", worker))
      .leftJoin(home, eq(home.id, workers.locationId))
      .leftJoin(services, on(services, "service", service))
      .leftJoin(named, on(named, "location", location))
      .limit(1);
  },
);

/**
 * What a booking names, in one round trip: the worker (with their home zone), the service and the
 * location, each by id or slug and each optional, and whether the worker performs the service.
 */
export async function findBookingRefs(
  db: Executor,
  refs: { worker?: string; service?: string; location?: string },
): Promise<BookingRefs> {
  const run = bookingRefs(refShape(refs.worker), refShape(refs.service), refShape(refs.location));
  const values = Object.fromEntries(
    (["worker", "service", "location"] as const).flatMap((name) => {
      const ref = refs[name];
      return ref === undefined ? [] : Object.entries(refValues(name, ref));
    }),
  );
  const [row] = await run(db, values);
  return {
    worker: row?.worker ? zonedWorker({ worker: row.worker, homeTimeZone: row.homeTimeZone }) : undefined,
    service: row?.service ?? undefined,
    location: row?.location ?? undefined,
    performs: row?.performs === true,
  };
}

/**
 * The client's booked appointments overlapping `interval` that the client's exclusion constraint
 * holds (drizzle/0010), other than `exceptId`: what a 409 client_busy lists.
 */
export async function clientAppointmentsDuring(
  db: Executor,
  clientId: string,
  interval: Range,
  exceptId?: string,
): Promise<{ id: string; start: Date; end: Date; timeZone: string }[]> {
  const rows = await db
    .select({ id: appointments.id, start: appointments.startAt, end: appointments.endAt, timeZone: locations.timezone })
    .from(appointments)
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .where(
      and(
        eq(appointments.clientId, clientId),
        isBooked,
        eq(appointments.clientOverlapAllowed, false),
        duringOverlaps(appointments.during, interval),
      ),
    )
    .orderBy(appointments.startAt);
  return rows.filter((r) => r.id !== exceptId);
}

/** The booked rows of a worker or at a location other than `exceptId` (a placeholder-free condition). */
function bookedNeighbours(p: { workerId: string | null; locationId: string; exceptId?: string }) {
  const whose = p.workerId
    ? or(eq(appointments.workerId, p.workerId), eq(appointments.locationId, p.locationId))
    : eq(appointments.locationId, p.locationId);
  return and(whose, isBooked, p.exceptId ? ne(appointments.id, p.exceptId) : undefined);
}

/**
 * Whether a booked appointment of the worker, or at the location, other than `exceptId`, overlaps
 * `interval` with its own interval (not only with its buffers): what tells a refusal by the
 * exclusion constraints over held intervals apart from one the buffers alone cause.
 */
export async function ownIntervalTaken(
  db: Executor,
  p: { workerId: string | null; locationId: string; interval: Range; exceptId?: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(bookedNeighbours(p), duringOverlaps(appointments.during, p.interval)))
    .limit(1);
  return row !== undefined;
}

/** An appointment whose held interval a buffer override shortened, before and after. */
export type TrimmedHold = { id: string; held: { start: Date; end: Date } };

/**
 * Staff book `interval` into buffers on purpose: the booked appointments of the worker or at the
 * location (other than `exceptId`) whose held interval, but not their own, overlaps `interval` give
 * up the part of their buffer it covers: one ending before it holds until its start at most, one
 * starting after it from its end. Their own intervals are untouched (held always contains them); one
 * whose own interval overlaps is left for the exclusion constraints to refuse. Answers what changed.
 */
export async function trimHeldAround(
  tx: Executor,
  p: { workerId: string | null; locationId: string; interval: Range; exceptId?: string },
): Promise<TrimmedHold[]> {
  const start = sql`${p.interval.start.toISOString()}::timestamptz`;
  const end = sql`${p.interval.end.toISOString()}::timestamptz`;
  const held = appointments.held;
  const rows = await tx
    .update(appointments)
    .set({
      held: sql`tstzrange(
        case when ${appointments.startAt} >= ${end} then greatest(lower(${held}), ${end}) else lower(${held}) end,
        case when ${appointments.endAt} <= ${start} then least(upper(${held}), ${start}) else upper(${held}) end,
        '[)')`,
    })
    .where(
      and(bookedNeighbours(p), duringOverlaps(held, p.interval), not(duringOverlaps(appointments.during, p.interval))),
    )
    .returning({
      id: appointments.id,
      heldStartMs: sql<number>`(extract(epoch from lower(${held})) * 1000)::float8`,
      heldEndMs: sql<number>`(extract(epoch from upper(${held})) * 1000)::float8`,
    });
  return rows.map((r) => ({
    id: r.id,
    held: { start: new Date(Number(r.heldStartMs)), end: new Date(Number(r.heldEndMs)) },
  }));
}
