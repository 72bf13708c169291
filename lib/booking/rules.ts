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
  /** The worker's time off overlapping the interval. */
  timeOff: readonly Interval[];
};

export type BookingVerdict = { ok: true; locationId: string | null } | { ok: false; reason: RefusalReason };

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
 * inside shifts at one location, it overlaps time off (touching it is fine).
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
  return { ok: true, locationId };
}
