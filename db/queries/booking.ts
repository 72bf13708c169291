// The booking transaction (DESIGN.md "Data"): the worker's shifts over the interval are read FOR
// SHARE, so a shift cannot be deleted or moved from under the new appointment before it commits; the
// rules of lib/booking/rules.ts decide whether the interval is bookable; the exclusion constraints
// decide races between bookings, and their violations (or the deadlocks two of them can end in)
// become 409 slot_taken.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { bookingHorizonEnd, FALLBACK_TIME_ZONE } from "@/lib/availability/calendar";
import type { Interval } from "@/lib/availability/intervals";
import { checkBooking, type RefusalReason, ROOM_HORIZON_DAYS } from "@/lib/booking/rules";
import { AppError, sqlState } from "@/lib/errors";
import type { Db, Executor } from "../client";
import { appointments, type Client } from "../schema/appointments";
import type { Location, Service } from "../schema/catalog";
import { locations } from "../schema/catalog";
import { shifts, timeOff } from "../schema/schedules";
import type { AppointmentView } from "./appointments";
import type { ZonedWorker } from "./availability";
import { duringOverlaps } from "./availability";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const REASON_MESSAGES: Record<RefusalReason, string> = {
  outside_schedule: "The worker does not work then (or not there).",
  time_off: "The worker is off at that time.",
  in_past: "That time is in the past.",
  beyond_horizon: "That time is further ahead than bookings are taken.",
};

export const notAvailable = (reason: RefusalReason) =>
  new AppError("not_available", 409, REASON_MESSAGES[reason], { reason });

/** 409 not_available for an appointment whose status does not allow the change (extends API.md's reasons). */
export const notBooked = (status: string) =>
  new AppError("not_available", 409, `The appointment is ${status.replace("_", " ")}; only booked ones change.`, {
    reason: "not_booked",
    status,
  });

const CONFLICTS: Record<string, "worker" | "location"> = {
  appointments_worker_no_overlap: "worker",
  appointments_location_no_overlap: "location",
};

function constraintName(err: unknown): string | undefined {
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && depth < 4; depth++) {
    const name = e.constraint_name ?? e.constraint;
    if (typeof name === "string") return name;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return undefined;
}

/** The 409 for a booking the database refused because the interval is taken, else the error itself. */
export function asBookingError(err: unknown): unknown {
  const state = sqlState(err);
  if (state !== "23P01" && state !== "40P01") return err;
  const conflict = CONFLICTS[constraintName(err) ?? ""];
  const message =
    conflict === "location"
      ? "The location is booked at that time."
      : conflict === "worker"
        ? "The worker is booked at that time."
        : "That time has just been taken.";
  return new AppError("slot_taken", 409, message, conflict ? { conflict } : undefined);
}

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

/**
 * Checks that `interval` is bookable for `target` now, holding the worker's shifts over it FOR SHARE
 * until the transaction ends; answers the location the appointment is at. `horizon`: whether the
 * booking horizon applies (clients; staff may book past it). Throws 409 not_available.
 */
export async function claimInterval(
  tx: Executor,
  target: BookingTarget,
  interval: Interval,
  options: { now: Date; horizon: boolean },
): Promise<BookedLocation> {
  const { now } = options;
  if (target.kind === "room") {
    const horizonEnd = options.horizon ? bookingHorizonEnd(now, ROOM_HORIZON_DAYS, target.location.timezone) : null;
    const verdict = checkBooking({ interval, now, horizonEnd, shifts: null, timeOff: [] });
    if (!verdict.ok) throw notAvailable(verdict.reason);
    return target.location;
  }
  const { worker } = target;
  const [shiftRows, timeOffRows] = await Promise.all([
    tx
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
      .where(and(eq(shifts.workerId, worker.id), duringOverlaps(shifts.during, interval)))
      .for("share", { of: shifts }),
    tx
      .select({ start: timeOff.startAt, end: timeOff.endAt })
      .from(timeOff)
      .where(and(eq(timeOff.workerId, worker.id), duringOverlaps(timeOff.during, interval))),
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
  return location;
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

export async function insertAppointment(tx: Executor, view: AppointmentView): Promise<void> {
  await tx.insert(appointments).values(view.appointment);
}
