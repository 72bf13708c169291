// Whether an interval may be booked: pure functions over half-open [start, end) intervals and the
// rows the booking transaction loaded (DESIGN.md "Data"; STYLE.md item 8). The exclusion constraints
// in the database, not these functions, decide between two bookings racing for one interval.
import {
  type Interval,
  isEmptyInterval,
  mergeIntervals,
  overlaps,
  subtractIntervals,
} from "@/lib/availability/intervals";
import type { ShiftInterval } from "@/lib/availability/slots";

const MINUTE = 60_000;

/**
 * `details.reason` of a 409 not_available (API.md "Conventions", and `off_grid` and `min_notice` of its
 * v1 extensions; `max_upcoming`: the client already holds as many upcoming appointments as the policy allows).
 */
export type RefusalReason =
  | "outside_schedule"
  | "time_off"
  | "in_past"
  | "beyond_horizon"
  | "off_grid"
  | "min_notice"
  | "max_upcoming";

/**
 * How far ahead a client may book a room. Rooms have no shifts (a shift belongs to a worker) and so
 * no worker's horizon; staff may book them at any distance.
 */
export const ROOM_HORIZON_DAYS = 90;

export type BookingCheck = {
  interval: Interval;
  now: Date;
  /** The end of the booking horizon, or null when none applies (staff may book past it). */
  horizonEnd: Date | null;
  /**
   * The worker's shifts overlapping the interval, or null for a room booked without a worker, which
   * is open whenever it is free.
   */
  shifts: readonly ShiftInterval[] | null;
  /** When the caller named a location, only shifts there count. */
  locationId?: string;
  /** The worker's time off overlapping the interval (or its held interval, when that is longer). */
  timeOff: readonly Interval[];
  /**
   * The interval the worker is held for: `interval` widened by the service's buffers (see
   * `heldInterval`). Absent, or equal to `interval`, when there are none or staff overrode them.
   */
  held?: Interval;
};

/**
 * `buffer: true` on a refusal that only the buffers cause: the client's own interval alone would
 * pass (staff may book it anyway, saying so: `overrideBuffers`).
 */
export type BookingVerdict =
  | { ok: true; locationId: string | null }
  | { ok: false; reason: RefusalReason; buffer?: true };

/** A service's buffers in minutes (services.buffer_before_minutes / buffer_after_minutes). */
export type Buffers = { bufferBeforeMinutes: number; bufferAfterMinutes: number };

export const NO_BUFFERS: Buffers = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

/**
 * The held interval of an appointment at `interval`: `[start - before, end + after)`, in elapsed
 * minutes (a DST change inside a buffer does not stretch or shrink it), as the database's trigger
 * fills appointments.held (drizzle/0017).
 */
export function heldInterval(interval: Interval, buffers: Buffers | null | undefined): Interval {
  if (!buffers || (buffers.bufferBeforeMinutes === 0 && buffers.bufferAfterMinutes === 0)) return interval;
  return {
    start: new Date(interval.start.getTime() - buffers.bufferBeforeMinutes * MINUTE),
    end: new Date(interval.end.getTime() + buffers.bufferAfterMinutes * MINUTE),
  };
}

/** The end of an appointment of `durationMinutes` starting at `start`. */
export const defaultEnd = (start: Date, durationMinutes: number) =>
  new Date(start.getTime() + durationMinutes * MINUTE);

/**
 * The location of the shifts that cover all of `interval`, or null when none do. Touching shifts at
 * one location count as one block (09:00-12:00 and 12:00-15:00 cover 11:30-12:30), as slots do;
 * shifts at two locations never combine.
 */
export function coveringLocation(interval: Interval, shifts: readonly ShiftInterval[], locationId?: string) {
  const locationIds = [...new Set(shifts.map((s) => s.locationId))].filter((id) => !locationId || id === locationId);
  return (
    locationIds.find(
      (id) => subtractIntervals([interval], mergeIntervals(shifts.filter((s) => s.locationId === id))).length === 0,
    ) ?? null
  );
}

/**
 * The first rule `interval` breaks, checked in this order: it starts before `now` (one starting
 * exactly now is bookable), it ends after the horizon (ending exactly at it is fine), it is not
 * inside shifts at one location, it overlaps time off (touching it is fine). Then the buffers: the
 * held interval must lie inside the shifts at that same location (the worker prepares and cleans
 * during their shift) and overlap no time off; a refusal for those alone carries `buffer: true`.
 * `now` and the horizon bind the client's own interval, not the buffers.
 */
export function checkBooking(check: BookingCheck): BookingVerdict {
  const { interval, now, horizonEnd } = check;
  if (isEmptyInterval(interval)) throw new RangeError("an appointment needs end > start");
  if (interval.start.getTime() < now.getTime()) return { ok: false, reason: "in_past" };
  if (horizonEnd && interval.end.getTime() > horizonEnd.getTime()) return { ok: false, reason: "beyond_horizon" };
  if (check.shifts === null) return { ok: true, locationId: check.locationId ?? null };
  const locationId = coveringLocation(interval, check.shifts, check.locationId);
  if (!locationId) return { ok: false, reason: "outside_schedule" };
  if (check.timeOff.some((t) => overlaps(t, interval))) return { ok: false, reason: "time_off" };
  const held = check.held;
  if (held && (held.start.getTime() !== interval.start.getTime() || held.end.getTime() !== interval.end.getTime())) {
    if (coveringLocation(held, check.shifts, locationId) !== locationId) {
      return { ok: false, reason: "outside_schedule", buffer: true };
    }
    if (check.timeOff.some((t) => overlaps(t, held))) return { ok: false, reason: "time_off", buffer: true };
  }
  return { ok: true, locationId };
}
