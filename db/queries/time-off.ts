// Time off: intervals in which a worker is not bookable (vacations, lunch breaks, sick days).
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { shifts, type TimeOff, timeOff } from "../schema/schedules";
import { overlapsRange } from "./shifts";

/** Time off of a worker overlapping `[start, end)` (no end: on without limit), in time order. */
export function listTimeOff(
  db: Executor,
  workerId: string,
  range: { start: Date; end: Date | null },
  page: { limit: number; offset: number },
): Promise<TimeOff[]> {
  return db
    .select()
    .from(timeOff)
    .where(and(eq(timeOff.workerId, workerId), overlapsRange(timeOff.during, range.start, range.end)))
    .orderBy(asc(timeOff.startAt), asc(timeOff.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** Holds FOR UPDATE the worker's shifts overlapping `[start, end)` (bookings hold them FOR SHARE). */
export async function lockShiftsDuring(tx: Executor, workerId: string, start: Date, end: Date): Promise<void> {
  await tx
    .select({ id: shifts.id })
    .from(shifts)
    .where(and(eq(shifts.workerId, workerId), overlapsRange(shifts.during, start, end)))
    .for("update");
}

/** Inserts time off; answers its row. */
export async function insertTimeOff(
  db: Executor,
  values: { workerId: string; startAt: Date; endAt: Date; reason: string | null },
): Promise<TimeOff> {
  const [row] = await db.insert(timeOff).values(values).returning();
  if (!row) throw new Error("insert into time_off returned no row");
  return row;
}

/** Deletes time off by id; answers the deleted row, if there was one. */
export async function deleteTimeOffRow(db: Executor, id: string): Promise<TimeOff | undefined> {
  const [row] = await db.delete(timeOff).where(eq(timeOff.id, id)).returning();
  return row;
}
