// The booking transaction (DESIGN.md "Data"): the worker's shifts over the interval are read FOR
// SHARE, so a shift cannot be deleted or moved from under the new appointment before it commits; the
// rules of lib/booking/rules.ts decide whether the interval is bookable; the exclusion constraints
// decide races between bookings, and their violations (or the deadlocks two of them can end in)
// become 409 slot_taken.
import { and, eq } from "drizzle-orm";
import { bookingHorizonEnd, FALLBACK_TIME_ZONE } from "@/lib/availability/calendar";
import type { Interval } from "@/lib/availability/intervals";
import { checkBooking, type RefusalReason, ROOM_HORIZON_DAYS } from "@/lib/booking/rules";
import { AppError, sqlState } from "@/lib/errors";
import type { Db, Executor } from "../client";
import { appointments } from "../schema/appointments";
import type { Location, Service } from "../schema/catalog";
import { locations } from "../schema/catalog";
import { shifts, timeOff } from "../schema/schedules";
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
): Promise<{ locationId: string }> {
  const { now } = options;
  if (target.kind === "room") {
    const horizonEnd = options.horizon ? bookingHorizonEnd(now, ROOM_HORIZON_DAYS, target.location.timezone) : null;
    const verdict = checkBooking({ interval, now, horizonEnd, shifts: null, timeOff: [] });
    if (!verdict.ok) throw notAvailable(verdict.reason);
    return { locationId: target.location.id };
  }
  const { worker } = target;
  const [shiftRows, timeOffRows] = await Promise.all([
    tx
      .select({
        start: shifts.startAt,
        end: shifts.endAt,
        locationId: shifts.locationId,
        timeZone: locations.timezone,
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
  const timeZone = worker.homeTimeZone ?? shiftRows[0]?.timeZone ?? FALLBACK_TIME_ZONE;
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
  return { locationId: verdict.locationId ?? "" };
}

export type NewBooking = {
  target: BookingTarget;
  interval: Interval;
  clientId: string;
  notes: string | null;
  createdBy: string;
};

/** Inserts the appointment; the price and currency are the service's at this moment. */
export async function insertAppointment(tx: Executor, booking: NewBooking, locationId: string) {
  const { target, interval } = booking;
  const service = target.service;
  const [row] = await tx
    .insert(appointments)
    .values({
      workerId: target.kind === "worker" ? target.worker.id : null,
      locationId,
      serviceId: service?.id ?? null,
      clientId: booking.clientId,
      startAt: interval.start,
      endAt: interval.end,
      price: service?.price ?? 0,
      currency: service?.currency ?? "RUB",
      notes: booking.notes,
      createdBy: booking.createdBy,
    })
    .returning({ id: appointments.id });
  if (!row) throw new Error("insert into appointments returned no row");
  return row.id;
}
