// Free slots of one worker, computed and never stored (DESIGN.md "Data"): a pure function of the
// rows the database loaded and of `now`, so it can be tested at every boundary without a database.
import { type Interval, mergeIntervals, subtractIntervals } from "./intervals";

const MINUTE = 60_000;

/** A shift: an interval in which the worker works at one location. */
export type ShiftInterval = Interval & { locationId: string };
/** A booked appointment at a location, whoever holds it (another worker, or a room booked directly). */
export type LocationBusyInterval = Interval & { locationId: string };

export type SlotRequest = {
  shifts: readonly ShiftInterval[];
  timeOff: readonly Interval[];
  /** Booked appointments of this worker, wherever they are. */
  workerAppointments: readonly Interval[];
  /** Booked appointments at the shifts' locations: a location holds one appointment at a time. */
  locationAppointments: readonly LocationBusyInterval[];
  /** Length of every slot: the service's duration. */
  durationMinutes: number;
  /**
   * The service's buffers (default 0): time the worker and the location are held before and after
   * each slot. The busy intervals given (`workerAppointments`, `locationAppointments`) are the
   * other appointments' held intervals, buffers included (db/queries/worker-days.ts).
   */
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  /** Distance between slot starts: the worker's `slotStepMinutes`; null or absent means the duration. */
  stepMinutes?: number | null;
  /** Slots starting before this instant are in the past and left out; one starting exactly now stays. */
  now: Date;
  /** The end of the booking horizon: a slot must end at or before it (see `computeSlots`). */
  horizonEnd: Date;
  /** The asked days: a slot belongs to the window its start lies in; its end may run past the window. */
  window?: Interval;
};

function positiveMinutes(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number of minutes`);
  return value * MINUTE;
}

function bufferMinutes(value: number | undefined, name: string): number {
  if (value === undefined) return 0;
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${name} must be zero or a positive number of minutes`);
  return value * MINUTE;
}

/**
 * Shifts grouped by location and merged where they overlap or touch, so that 09:00-12:00 and
 * 12:00-15:00 at one place offer 11:45-12:15 as well. Shifts at different places stay apart: a slot
 * never spans a move from one location to another.
 */
function shiftBlocks(shifts: readonly ShiftInterval[]): ShiftInterval[] {
  const byLocation = new Map<string, ShiftInterval[]>();
  for (const shift of shifts) {
    const group = byLocation.get(shift.locationId);
    if (group) group.push(shift);
    else byLocation.set(shift.locationId, [shift]);
  }
  return [...byLocation].flatMap(([locationId, group]) =>
    mergeIntervals(group).map((block) => ({ ...block, locationId })),
  );
}

/**
 * The free slots `[start, start + duration)` of one worker, sorted by start and without duplicates.
 *
 * A slot lies inside one shift block (see `shiftBlocks`) and overlaps no time off, no booked
 * appointment of the worker and no booked appointment at that block's location. Intervals are
 * half-open: a busy interval ending at 10:30 leaves a slot starting at 10:30 free, and a slot may end
 * exactly where a busy interval or the shift starts.
 *
 * Alignment: slot starts step by `step` from the start of the shift block, so a clinic's day reads
 * 09:00, 09:30, 10:00... even if the first hours are booked or already past (`now` never moves the
 * grid). When a busy interval ends off the grid (a 45-minute visit from 10:00 ends at 10:45), the free
 * time right after it is offered too: 10:45, then the grid again at 11:00, 11:30... Slots may overlap
 * one another (whenever the step is shorter than the duration, and around such a re-start); each is an
 * option to book, and booking one removes the others it overlaps.
 *
 * Limits: a slot starts at or after `now` and inside `window` (when given), and ends at or before
 * `horizonEnd`, so every slot offered is bookable as a whole.
 *
 * Buffers: a slot's held interval `[start - before, end + after)` must fit the same way: inside the
 * shift block (both buffers are the worker's working time: preparing before the shift opens or
 * cleaning after it closes is not offered) and overlapping no time off and no other appointment's
 * held interval (touching is fine: one's cleaning may end where the next one's preparation starts).
 * `now`, the window and the horizon limit the client's own start and end, not the buffers. The
 * re-start after a busy interval is where the held interval touches it: `busy end + before`.
 */
export function computeSlots(request: SlotRequest): Interval[] {
  const duration = positiveMinutes(request.durationMinutes, "durationMinutes");
  const before = bufferMinutes(request.bufferBeforeMinutes, "bufferBeforeMinutes");
  const after = bufferMinutes(request.bufferAfterMinutes, "bufferAfterMinutes");
  const step = positiveMinutes(request.stepMinutes ?? request.durationMinutes, "stepMinutes");
  const earliest = Math.max(request.now.getTime(), request.window?.start.getTime() ?? -Infinity);
  const startsBefore = request.window?.end.getTime() ?? Infinity;
  const endsBy = request.horizonEnd.getTime();
  const workerBusy = [...request.timeOff, ...request.workerAppointments];

  const starts = new Set<number>();
  for (const block of shiftBlocks(request.shifts)) {
    const anchor = block.start.getTime();
    const locationBusy = request.locationAppointments.filter((a) => a.locationId === block.locationId);
    for (const free of subtractIntervals([block], [...workerBusy, ...locationBusy])) {
      // The earliest own start whose held interval begins inside this free time.
      const freeStart = free.start.getTime() + before;
      const freeEnd = free.end.getTime();
      const fits = (start: number) =>
        start >= freeStart &&
        start >= earliest &&
        start < startsBefore &&
        start + duration <= endsBy &&
        start + duration + after <= freeEnd;
      // The re-start right after a busy interval (or the block's own start, which is on the grid).
      if (fits(freeStart)) starts.add(freeStart);
      const from = Math.max(freeStart, earliest);
      for (let start = anchor + Math.ceil((from - anchor) / step) * step; fits(start); start += step) {
        starts.add(start);
      }
    }
  }
  return [...starts]
    .sort((a, b) => a - b)
    .map((start) => ({ start: new Date(start), end: new Date(start + duration) }));
}
