// The 409s of shift writes. The exclusion constraints of drizzle/0002_constraints.sql are the real
// guard against overlaps; the checks here only make the 409 friendly, and a constraint violation
// found by a racing writer becomes the same 409.
import type { Executor } from "@/db/client";
import { overlappingShifts, type ShiftCandidate, type ZonedShift } from "@/db/queries/shifts";
import { toShiftJson } from "@/lib/contract";
import { type AppError, constraintName, type ShiftConflictCode, shiftConflict, sqlState } from "@/lib/errors";

export type { ShiftCandidate, ShiftConflictCode };

/**
 * Existing shifts a candidate would overlap: the worker's own (worker_busy) and other workers' at
 * the same workplace (location_busy; rooms allow overlapping shifts).
 */
export async function findShiftConflicts(
  db: Executor,
  c: ShiftCandidate,
): Promise<{ code: ShiftConflictCode; shift: ZonedShift }[]> {
  const rows = await overlappingShifts(db, c);
  return rows.map((shift) => ({ code: shift.workerId === c.workerId ? "worker_busy" : "location_busy", shift }));
}

/** The 409 for conflicts, naming the first kind found; `details.conflicts` lists those shifts. */
export function shiftConflictError(
  conflicts: { code: ShiftConflictCode; shift: ZonedShift }[],
  code = conflicts[0]?.code ?? "worker_busy",
  extra: Record<string, unknown> = {},
): AppError {
  const shown = conflicts.filter((c) => c.code === code).map((c) => toShiftJson(c.shift));
  return shiftConflict(code, { conflicts: shown, ...extra });
}

/** Answers the 409 when the candidate overlaps a shift it may not. */
export async function refuseShiftConflicts(db: Executor, candidate: ShiftCandidate): Promise<void> {
  const conflicts = await findShiftConflicts(db, candidate);
  if (conflicts.length > 0) throw shiftConflictError(conflicts);
}

const CONSTRAINT_CODES: Record<string, ShiftConflictCode> = {
  shifts_worker_no_overlap: "worker_busy",
  shifts_workplace_no_overlap: "location_busy",
};

/** Which shift exclusion constraint a database error violated, if any (drivers name it differently). */
export function violatedShiftConstraint(err: unknown): ShiftConflictCode | undefined {
  if (sqlState(err) !== "23P01") return undefined;
  const name = constraintName(err, (n) => Object.hasOwn(CONSTRAINT_CODES, n));
  return name === undefined ? undefined : CONSTRAINT_CODES[name];
}

/**
 * Runs a shift write; if an exclusion constraint refuses it (a writer raced past the check), answers
 * the same 409 as the check would, listing the shifts that are there now.
 */
export async function guardShiftWrite<T>(
  db: Executor,
  candidate: () => ShiftCandidate | undefined,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const code = violatedShiftConstraint(err);
    const c = candidate();
    if (!code || !c) throw err;
    throw shiftConflictError(await findShiftConflicts(db, c), code);
  }
}
