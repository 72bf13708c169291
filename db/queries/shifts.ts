// Shifts: concrete intervals in which a worker works at a location. The exclusion constraints of
// drizzle/0002_constraints.sql are the real guard against overlaps (lib/schedule/shift-conflicts.ts
// turns their violations into 409s).
import { type AnyColumn, and, asc, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { locations } from "../schema/catalog";
import { type Shift, shifts } from "../schema/schedules";

/** A shift with its location's timezone, in which its instants are written out. */
export type ZonedShift = Pick<Shift, "id" | "workerId" | "locationId" | "startAt" | "endAt" | "weeklyScheduleId"> & {
  timezone: string;
};

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

/** Every shift of a worker overlapping `[start, end)`, in time order. */
export function workerShiftsDuring(db: Executor, workerId: string, start: Date, end: Date): Promise<ZonedShift[]> {
  return selectZonedShifts(db, and(eq(shifts.workerId, workerId), overlapsRange(shifts.during, start, end)));
}

/** The shift by id, locked against concurrent bookings (which hold it FOR SHARE) when `lock` is set. */
export async function findShift(db: Executor, id: string, lock = false): Promise<ZonedShift | undefined> {
  const query = selectZonedShifts(db, eq(shifts.id, id));
  const [row] = lock ? await query.for("update", { of: shifts }) : await query;
  return row;
}

export type ShiftCandidate = { workerId: string; locationId: string; start: Date; end: Date; exceptId?: string };

/**
 * Existing shifts a candidate would overlap (but the one it replaces): the worker's own, and other
 * workers' at the same workplace (rooms allow overlapping shifts).
 */
export function overlappingShifts(db: Executor, c: ShiftCandidate): Promise<ZonedShift[]> {
  return selectZonedShifts(
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
}

/** Inserts one shift; answers its row. */
export async function insertShift(
  db: Executor,
  values: { workerId: string; locationId: string; startAt: Date; endAt: Date },
): Promise<Shift> {
  const [row] = await db.insert(shifts).values(values).returning();
  if (!row) throw new Error("insert into shifts returned no row");
  return row;
}

/** Rewrites a shift's location and interval and which weekly schedule it belongs to. */
export async function updateShiftRow(
  db: Executor,
  id: string,
  values: { locationId: string; startAt: Date; endAt: Date; weeklyScheduleId: string | null },
): Promise<void> {
  await db.update(shifts).set(values).where(eq(shifts.id, id));
}

/** Deletes the shifts with these ids. */
export async function deleteShifts(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(shifts).where(inArray(shifts.id, ids));
}

/**
 * Inserts shifts, skipping every row a constraint refuses (ON CONFLICT DO NOTHING covers the
 * exclusion constraints too); answers the rows that went in.
 */
export async function insertShiftsSkippingConflicts(
  db: Executor,
  rows: { workerId: string; locationId: string; startAt: Date; endAt: Date; weeklyScheduleId: string | null }[],
): Promise<{ id: string; startAt: Date }[]> {
  if (rows.length === 0) return [];
  return db.insert(shifts).values(rows).onConflictDoNothing().returning({ id: shifts.id, startAt: shifts.startAt });
}
