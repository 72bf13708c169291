// Where a client may start an appointment (API.md v1 extensions: `off_grid`): only at a start the
// worker's slot list offers, so booking by hand-edited URL or API call cannot leave gaps no slot
// fits. Staff may book any minute. Rooms have no shifts and so no grid; they are left out.
import { type Interval, mergeIntervals } from "@/lib/availability/intervals";
import type { ShiftInterval } from "@/lib/availability/slots";

const MINUTE = 60_000;

/**
 * Whether `start` is a step of the grid that computeSlots (lib/availability/slots.ts) lays over the
 * shift block holding it: whole steps of `stepMinutes` from the block's start, where a block is the
 * shifts at `locationId` merged where they overlap or touch. This is the booking's fast check, made
 * from the shifts its transaction already holds; the grid's other starts (the free time right after
 * a busy interval that ends off the grid) are left to `offersStart` over a computed slot list.
 *
 * The block is what `shifts` show of it: a booking reads the shifts overlapping its own interval, so
 * a block of touching shifts begun by one it does not overlap is anchored at the later shift. The
 * grids agree whenever the shift boundaries are whole steps apart (09:00-12:00 then 12:00-15:00 with a
 * step of 30 or 45), as a weekly schedule's usually are.
 */
export function onShiftGrid(
  start: Date,
  shifts: readonly ShiftInterval[],
  locationId: string,
  stepMinutes: number,
): boolean {
  const at = start.getTime();
  const step = stepMinutes * MINUTE;
  const block = mergeIntervals(shifts.filter((s) => s.locationId === locationId)).find(
    (b) => b.start.getTime() <= at && at < b.end.getTime(),
  );
  return block !== undefined && (at - block.start.getTime()) % step === 0;
}

/** Whether one of `slots` starts exactly at `start`. */
export const offersStart = (slots: readonly Interval[], start: Date) =>
  slots.some((slot) => slot.start.getTime() === start.getTime());
