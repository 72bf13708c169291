// Shifts: concrete intervals in which a worker works at a location. The exclusion constraints of
// drizzle/0002_constraints.sql are the real guard against overlaps; the checks here only make the
// 409 friendly, and a constraint violation found by a racing writer becomes the same 409.
import { type AnyColumn, and, asc, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { type AppError, constraintName, type ShiftConflictCode, shiftConflict, sqlState } from "@/lib/errors";
import { formatInstant } from "@/lib/time/zoned";
import type { Executor } from "../client";
import { locations } from "../schema/catalog";
import { type Shift, shifts } from "../schema/schedules";

/** A shift with its location's timezone, in which its instants are written out. */
export type ZonedShift = Pick<Shift, "id" | "workerId" | "locationId" | "startAt" | "endAt" | "weeklyScheduleId"> & {
  timezone: string;
};

/** API.md "Shift". */
export const toShiftJson = (s: ZonedShift) => ({
  id: s.id,
  workerId: s.workerId,
  locationId: s.locationId,
  start: formatInstant(s.startAt, s.timezone),
  end: formatInstant(s.endAt, s.timezone),
});
export type ShiftJson = ReturnType<typeof toShiftJson>;

export const zonedShiftColumns = {
  id: shifts.id,
  workerId: shifts.workerId,
  locationId: shifts.locationId,
  startAt: shifts.startAt,
  endAt: shifts.endAt,
  weeklyScheduleId: shifts.weeklyScheduleId,
  timezone: locations.timezone,
};

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** `column && [start, end)`, an open end when `end` is null; served by the gist indexes. */
export function overlapsRange(column: AnyColumn, start: Date, end: Date | null): SQL {
  return sql`${column} && tstzrange(${ts(start)}, ${end ? ts(end) : null}::timestamptz, '[)')`;
}

export function selectZonedShifts(db: Executor, where: SQL | undefined) {
  return db
    .select(zonedShiftColumns)
    .from(shifts)
    .innerJoin(locations, eq(locations.id, shifts.locationId))
    .where(where)
    .orderBy(asc(shifts.startAt), asc(shifts.id));
}

/** Shifts of a worker overlapping `[start, end)`, in time order, one page. */
export function listWorkerShifts(
  db: Executor,
  workerId: string,
  range: { start: Date; end: Date | null },
  page: { limit: number; offset: number },
): Promise<ZonedShift[]> {
  return selectZonedShifts(db, and(eq(shifts.workerId, workerId), overlapsRange(shifts.during, range.start, range.end)))
    .limit(page.limit)
    .offset(page.offset);
}

/** The shift by id, locked against concurrent bookings (which hold it FOR SHARE) when `lock` is set. */
export async function findShift(db: Executor, id: string, lock = false): Promise<ZonedShift | undefined> {
  const query = selectZonedShifts(db, eq(shifts.id, id));
  const [row] = lock ? await query.for("update", { of: shifts }) : await query;
  return row;
}

export type ShiftCandidate = { workerId: string; locationId: string; start: Date; end: Date; exceptId?: string };
export type { ShiftConflictCode };

/**
 * Existing shifts a candidate would overlap: the worker's own (worker_busy) and other workers' at
 * the same workplace (location_busy; rooms allow overlapping shifts).
 */
export async function findShiftConflicts(
  db: Executor,
  c: ShiftCandidate,
): Promise<{ code: ShiftConflictCode; shift: ZonedShift }[]> {
  const rows = await selectZonedShifts(
    db,
    and(
      overlapsRange(shifts.during, c.start, c.end),
      c.exceptId ? ne(shifts.id, c.exceptId) : undefined,
      or(
        eq(shifts.workerId, c.workerId),
        and(eq(shifts.locationId, c.locationId), eq(shifts.locationKind, "workplace")),
      ),
    ),
  );
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
