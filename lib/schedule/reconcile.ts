// What applying a weekly schedule changes, decided without a database: which planned shifts exist
// already, which to create, which earlier generated shifts to remove or keep, and what conflicts.
import type { PlannedShift } from "./plan";

export type ExistingShift = {
  id: string;
  workerId: string;
  locationId: string;
  start: Date;
  end: Date;
  /** Made by a weekly schedule (weekly_schedule_id set) rather than by hand. */
  generated: boolean;
  /** Booked appointments of the worker inside it, by id. */
  appointmentIds: readonly string[];
};

export type KeptShift<S extends ExistingShift> = { shift: S; reason: "has_appointments" | "started" };

export type ShiftConflict<S extends ExistingShift> = {
  planned: PlannedShift;
  code: "worker_busy" | "location_busy";
  shift: S;
};

export type Reconciliation<S extends ExistingShift> = {
  unchanged: S[];
  insert: PlannedShift[];
  remove: S[];
  kept: KeptShift<S>[];
  conflicts: ShiftConflict<S>[];
};

const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start < b.end && b.start < a.end;
const sameInterval = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) =>
  a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();

/**
 * Reconciles the planned shifts of one worker at one location with the shifts that exist (the
 * worker's own, and other workers' at that location). Only the future from `from` on is rewritten
 * (a schedule that starts next month leaves this month's shifts as they are):
 * - a generated shift equal to a planned one stays as it is (same id: applying twice changes nothing);
 * - a planned shift starting after `now` that does not exist is created, unless a kept shift of the
 *   worker covers part of it (the kept one stands for that time) or it conflicts;
 * - a generated shift starting after `now` and from `from` on that the plan no longer has is
 *   removed (also past the planned dates: an earlier `until` takes its shifts away), or kept when it
 *   holds booked appointments; one already under way is kept; finished ones are history, untouched;
 * - manual shifts of the worker, and other workers' shifts at a workplace, are conflicts.
 */
export function reconcileShifts<S extends ExistingShift>(input: {
  planned: readonly PlannedShift[];
  existing: readonly S[];
  workerId: string;
  locationId: string;
  /** Whether the location is a workplace (one worker at a time); rooms allow overlapping shifts. */
  exclusiveLocation: boolean;
  /** The first instant of the first applied date. */
  from: Date;
  now: Date;
}): Reconciliation<S> {
  const { planned, existing, workerId, locationId, exclusiveLocation, from, now } = input;
  const own = existing.filter((s) => s.workerId === workerId && s.generated);
  const matches = (p: PlannedShift, s: S) => s.locationId === locationId && sameInterval(p, s);
  const unchanged = own.filter((s) => planned.some((p) => matches(p, s)));
  const result: Reconciliation<S> = { unchanged, insert: [], remove: [], kept: [], conflicts: [] };
  for (const s of own) {
    if (unchanged.includes(s) || s.end <= now || s.start < from) continue;
    if (s.start <= now) result.kept.push({ shift: s, reason: "started" });
    else if (s.appointmentIds.length > 0) result.kept.push({ shift: s, reason: "has_appointments" });
    else result.remove.push(s);
  }
  const keptIds = new Set(result.kept.map((k) => k.shift.id));
  const staying = existing.filter((s) => !result.remove.includes(s) && !unchanged.includes(s));
  for (const p of planned) {
    if (p.start <= now || unchanged.some((s) => matches(p, s))) continue;
    const blockers = staying.filter((s) => overlaps(p, s));
    if (blockers.some((s) => keptIds.has(s.id))) continue;
    const conflicts = blockers.flatMap((shift): ShiftConflict<S>[] => {
      if (shift.workerId === workerId) return [{ planned: p, code: "worker_busy", shift }];
      if (exclusiveLocation && shift.locationId === locationId) return [{ planned: p, code: "location_busy", shift }];
      return [];
    });
    if (conflicts.length > 0) result.conflicts.push(...conflicts);
    else result.insert.push(p);
  }
  return result;
}
