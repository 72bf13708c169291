// The booking transaction (DESIGN.md "Data"): the worker's shifts over the interval are read FOR
// SHARE, so a shift cannot be deleted or moved from under the new appointment before it commits; the
// rules of lib/booking/rules.ts decide whether the interval is bookable; the exclusion constraints
// decide races between bookings, and their violations (or the deadlocks two of them can end in)
// become 409 slot_taken, or client_busy when the client's own constraint refused.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { bookingHorizonEnd, FALLBACK_TIME_ZONE, localDaysInterval } from "@/lib/availability/calendar";
import type { Interval } from "@/lib/availability/intervals";
import { computeSlots } from "@/lib/availability/slots";
import { exclusionError } from "@/lib/booking/conflicts";
import { offersStart, onShiftGrid } from "@/lib/booking/grid";
import { checkBooking, ROOM_HORIZON_DAYS } from "@/lib/booking/rules";
import { notAvailable } from "@/lib/errors";
import { zonedDateOf } from "@/lib/time/zoned";
import type { Db, Executor } from "../client";
import { appointments, type Client } from "../schema/appointments";
import { type Location, locations, type Service, services, workers } from "../schema/catalog";
import { shifts, timeOff } from "../schema/schedules";
import { statement, statementFamily } from "../statements";
import type { AppointmentView } from "./appointments";
import { performsExists, type ZonedWorker, zonedWorker } from "./availability";
import { clientOverlapAllowedNow } from "./business";
import { byRefPlaceholder, isUuid, refValues } from "./refs";
import { askedRange, duringOverlaps, duringOverlapsAsked, isBooked, loadWorkerDays } from "./worker-days";

const MINUTE = 60_000;

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The 409 for a booking the database refused (lib/booking/conflicts.ts), else the error itself. */
export const asBookingError = (err: unknown): unknown => exclusionError(err) ?? err;

/** Runs `write` in one transaction and turns an interval taken under it into 409 slot_taken. */
export async function bookingTransaction<T>(db: Db, write: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(write);
  } catch (err) {
    throw asBookingError(err);
  }
}

/** Where and what is booked: a worker (with the service they perform) or a room on its own. */
export type BookingTarget =
  | { kind: "worker"; worker: ZonedWorker; service: Service; location: Location | null }
  | { kind: "room"; location: Location; service: Service | null };

/** The location an appointment is at, as its JSON and its times need it. */
export type BookedLocation = { id: string; slug: string; name: string; kind: Location["kind"]; timezone: string };

/** A shift of the worker over the asked interval, with its location. */
type CoveringShift = Interval & { locationId: string; location: BookedLocation };

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

/** The worker's time off over the asked interval. */
const timeOffDuring = statement("claim_interval_time_off", (db) =>
  db
    .select({ start: timeOff.startAt, end: timeOff.endAt })
    .from(timeOff)
    .where(and(eq(timeOff.workerId, sql.placeholder("workerId")), duringOverlapsAsked(timeOff.during))),
);

/**
 * Checks that `interval` is bookable for `target` now, holding the worker's shifts over it FOR SHARE
 * until the transaction ends; answers the location the appointment is at. `horizon`: whether the
 * booking horizon applies; `grid`: whether the start must be one the worker's slots offer (both for
 * clients; staff may book past the horizon and at any minute). Throws 409 not_available.
 */
export async function claimInterval(
  tx: Executor,
  target: BookingTarget,
  interval: Interval,
  options: { now: Date; horizon: boolean; grid?: boolean },
): Promise<BookedLocation> {
  const { now } = options;
  if (target.kind === "room") {
    const horizonEnd = options.horizon ? bookingHorizonEnd(now, ROOM_HORIZON_DAYS, target.location.timezone) : null;
    const verdict = checkBooking({ interval, now, horizonEnd, shifts: null, timeOff: [] });
    if (!verdict.ok) throw notAvailable(verdict.reason);
    return target.location;
  }
  const { worker } = target;
  const asked = { workerId: worker.id, ...askedRange(interval) };
  const [shiftRows, timeOffRows]: [CoveringShift[], Interval[]] = await Promise.all([
    coveringShifts(tx, asked),
    timeOffDuring(tx, asked),
  ]);
  // The horizon is counted in local days of the worker's home, as the slot lists count it.
  const timeZone = worker.homeTimeZone ?? shiftRows[0]?.location.timezone ?? FALLBACK_TIME_ZONE;
  const horizonEnd = options.horizon ? bookingHorizonEnd(now, worker.bookingHorizonDays, timeZone) : null;
  const verdict = checkBooking({
    interval,
    now,
    horizonEnd,
    shifts: shiftRows,
    locationId: target.location?.id,
    timeOff: timeOffRows,
  });
  if (!verdict.ok) throw notAvailable(verdict.reason);
  const location = shiftRows.find((s) => s.locationId === verdict.locationId)?.location;
  if (!location) throw new Error("covering shift without its location");
  if (options.grid && horizonEnd) {
    const step = worker.slotStepMinutes ?? target.service.durationMinutes;
    // Almost every client booking is on the grid of its shift; only one that is not costs a query.
    if (!onShiftGrid(interval.start, shiftRows, location.id, step)) {
      const slots = await workerSlotsOfDay(tx, target, interval.start, { now, horizonEnd, timeZone });
      if (!offersStart(slots, interval.start)) throw notAvailable("off_grid");
    }
  }
  return location;
}

/**
 * The slots of the worker's local day holding `start`, as GET /workers/{ref}/slots?date= computes
 * them (same rows, same function), for the starts off the shift's step grid that a list still
 * offers: the free time right after a busy interval that ends off the grid.
 */
async function workerSlotsOfDay(
  tx: Executor,
  target: Extract<BookingTarget, { kind: "worker" }>,
  start: Date,
  p: { now: Date; horizonEnd: Date; timeZone: string },
) {
  const day = zonedDateOf(start, p.timeZone);
  const window = localDaysInterval(day, day, p.timeZone);
  const duration = target.service.durationMinutes;
  const end = Math.min(window.end.getTime() + duration * MINUTE, p.horizonEnd.getTime());
  if (end <= window.start.getTime()) return [];
  const rows = await loadWorkerDays(tx, [target.worker.id], { start: window.start, end: new Date(end) });
  const placeId = target.location?.id;
  return computeSlots({
    shifts: rows.shifts.filter((s) => !placeId || s.locationId === placeId),
    timeOff: rows.timeOff,
    workerAppointments: rows.workerAppointments,
    locationAppointments: rows.locationAppointments,
    durationMinutes: duration,
    stepMinutes: target.worker.slotStepMinutes,
    now: p.now,
    horizonEnd: p.horizonEnd,
    window,
  });
}

export type NewBooking = {
  target: BookingTarget;
  interval: Interval;
  location: BookedLocation;
  client: Client;
  notes: string | null;
  createdBy: string;
  now: Date;
};

/**
 * The appointment a booking inserts, complete with its id and timestamps, so that its JSON and audit
 * row can be written in the same round trip as the insert. The price and currency are the
 * service's at this moment.
 */
export function plannedAppointment(booking: NewBooking): AppointmentView {
  const { target, interval, location, client } = booking;
  const service = target.service;
  const worker = target.kind === "worker" ? target.worker : null;
  return {
    appointment: {
      id: randomUUID(),
      workerId: worker?.id ?? null,
      locationId: location.id,
      serviceId: service?.id ?? null,
      clientId: client.id,
      startAt: interval.start,
      endAt: interval.end,
      status: "booked",
      price: service?.price ?? 0,
      currency: service?.currency ?? "RUB",
      notes: booking.notes,
      createdAt: booking.now,
      createdBy: booking.createdBy,
      cancelledAt: null,
      cancelledBy: null,
      updatedAt: booking.now,
    },
    timezone: location.timezone,
    location,
    worker: worker && { id: worker.id, slug: worker.slug, name: worker.name },
    service: service && { id: service.id, slug: service.slug, name: service.name },
    client: { id: client.id, name: client.name, phone: client.phone, email: client.email, userId: client.userId },
  };
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

export async function insertAppointment(tx: Executor, view: AppointmentView): Promise<void> {
  const { appointment } = view;
  if (appointment.cancelledAt !== null || appointment.cancelledBy !== null) {
    throw new Error("a new appointment is not cancelled");
  }
  await insertNewAppointment(tx, Object.fromEntries(NEW_APPOINTMENT_COLUMNS.map((c) => [c, appointment[c]])));
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
  interval: Interval,
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
