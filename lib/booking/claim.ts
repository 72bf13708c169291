// The booking rules applied inside the booking transaction (DESIGN.md "Data"): the worker's shifts
// over the interval are read FOR SHARE, so a shift cannot be deleted or moved from under the new
// appointment before it commits; ./rules.ts decides whether the interval is bookable; ./grid.ts
// whether a client's start is one the slot list offers. The exclusion constraints, not this, decide
// races between bookings (./transaction.ts); the bookings lock taken first only queues a worker's (or
// room's) bookings behind each other, so that racing inserts do not deadlock (db/queries/booking.ts).
import { type BookedLocation, lockBookingsOf, shiftsDuringForShare, timeOffDuring } from "@/db/queries/booking";
import { loadWorkerDays } from "@/db/queries/worker-days";
import { bookingHorizonEnd, FALLBACK_TIME_ZONE, localDaysInterval } from "@/lib/availability/calendar";
import type { Interval } from "@/lib/availability/intervals";
import { computeSlots } from "@/lib/availability/slots";
import { notAvailable } from "@/lib/errors";
import { zonedDateOf } from "@/lib/time/zoned";
import { offersStart, onShiftGrid } from "./grid";
import { type Buffers, checkBooking, heldInterval, NO_BUFFERS, type RefusalReason, ROOM_HORIZON_DAYS } from "./rules";
import type { BookingTarget } from "./target";
import type { Tx } from "./transaction";

const MINUTE = 60_000;

/**
 * Checks that `interval` is bookable for `target` now, holding the worker's shifts over it FOR SHARE
 * until the transaction ends; answers the location the appointment is at. `horizon`: whether the
 * booking horizon applies; `grid`: whether the start must be one the worker's slots offer (both for
 * clients; staff may book past the horizon and at any minute). Throws 409 not_available.
 *
 * The service's buffers count (./rules.ts `checkBooking`): the held interval must lie inside the
 * shifts and clear of time off, a refusal for the buffers alone carrying `details.buffer: true`.
 * `overrideBuffers` (staff only, checked by the caller) books the client's own interval alone.
 */
export async function claimInterval(
  tx: Tx,
  target: BookingTarget,
  interval: Interval,
  options: { now: Date; horizon: boolean; grid?: boolean; overrideBuffers?: boolean },
): Promise<BookedLocation> {
  const { now } = options;
  const buffers = bookedBuffers(target, options.overrideBuffers);
  const held = heldInterval(interval, buffers);
  if (target.kind === "room") {
    await lockBookingsOf(tx, target.location.id);
    const horizonEnd = options.horizon ? bookingHorizonEnd(now, ROOM_HORIZON_DAYS, target.location.timezone) : null;
    const verdict = checkBooking({ interval, now, horizonEnd, shifts: null, timeOff: [], held });
    if (!verdict.ok) throw refusal(verdict);
    return target.location;
  }
  const { worker } = target;
  // One round trip: the lock and the two reads are pipelined on the transaction's connection.
  const [, shiftRows, timeOffRows] = await Promise.all([
    lockBookingsOf(tx, worker.id),
    shiftsDuringForShare(tx, worker.id, held),
    timeOffDuring(tx, worker.id, held),
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
    held,
  });
  if (!verdict.ok) throw refusal(verdict);
  const location = shiftRows.find((s) => s.locationId === verdict.locationId)?.location;
  if (!location) throw new Error("covering shift without its location");
  if (options.grid && horizonEnd) {
    const step = worker.slotStepMinutes ?? target.service.durationMinutes;
    // Almost every client booking is on the grid of its shift; only one that is not costs a query.
    if (!onShiftGrid(interval.start, shiftRows, location.id, step)) {
      const slots = await workerSlotsOfDay(tx, target, interval.start, { now, horizonEnd, timeZone, buffers });
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
  tx: Tx,
  target: Extract<BookingTarget, { kind: "worker" }>,
  start: Date,
  p: { now: Date; horizonEnd: Date; timeZone: string; buffers: Buffers },
) {
  const day = zonedDateOf(start, p.timeZone);
  const window = localDaysInterval(day, day, p.timeZone);
  const duration = target.service.durationMinutes;
  const { bufferBeforeMinutes, bufferAfterMinutes } = p.buffers;
  const end = Math.min(window.end.getTime() + duration * MINUTE, p.horizonEnd.getTime());
  if (end <= window.start.getTime()) return [];
  const rows = await loadWorkerDays(tx, [target.worker.id], {
    start: new Date(window.start.getTime() - bufferBeforeMinutes * MINUTE),
    end: new Date(end + bufferAfterMinutes * MINUTE),
  });
  const placeId = target.location?.id;
  return computeSlots({
    shifts: rows.shifts.filter((s) => !placeId || s.locationId === placeId),
    timeOff: rows.timeOff,
    workerAppointments: rows.workerAppointments,
    locationAppointments: rows.locationAppointments,
    durationMinutes: duration,
    bufferBeforeMinutes,
    bufferAfterMinutes,
    stepMinutes: target.worker.slotStepMinutes,
    now: p.now,
    horizonEnd: p.horizonEnd,
    window,
  });
}

/** The buffers a booking of `target` holds: its service's, none without a service or when overridden. */
export function bookedBuffers(target: Pick<BookingTarget, "service">, override?: boolean): Buffers {
  if (override || !target.service) return NO_BUFFERS;
  const { bufferBeforeMinutes, bufferAfterMinutes } = target.service;
  return { bufferBeforeMinutes, bufferAfterMinutes };
}

const refusal = (verdict: { reason: RefusalReason; buffer?: true }) =>
  notAvailable(verdict.reason, verdict.buffer ? { buffer: true } : undefined);
