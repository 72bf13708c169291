// Time off: intervals in which a worker is not bookable (vacations, lunch breaks, sick days).
import { and, asc, eq } from "drizzle-orm";
import { settleOrphans } from "@/lib/booking/orphans";
import { notFound } from "@/lib/errors";
import { formatInstant } from "@/lib/time/zoned";
import type { Db, Executor } from "../client";
import { shifts, type TimeOff, timeOff } from "../schema/schedules";
import { recordAudit } from "./audit";
import { bookedAppointmentsDuring } from "./orphaned-appointments";
import { overlapsRange } from "./shifts";

/** API.md "TimeOff", written in `timeZone` (the worker's home location's). */
export const toTimeOffJson = (t: TimeOff, timeZone: string) => ({
  id: t.id,
  workerId: t.workerId,
  start: formatInstant(t.startAt, timeZone),
  end: formatInstant(t.endAt, timeZone),
  reason: t.reason,
});
export type TimeOffJson = ReturnType<typeof toTimeOffJson>;

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

/**
 * Adds time off. Booked appointments of the worker in that time answer 409 has_appointments, or are
 * cancelled with `cancelAppointments`. The worker's shifts in that time are held FOR UPDATE first:
 * a booking holds its shift FOR SHARE while it checks time off, so it either committed before the
 * check below sees it, or it waits and then sees this time off.
 */
export async function createTimeOff(
  db: Db,
  input: { workerId: string; start: Date; end: Date; reason: string | null; cancelAppointments: boolean },
  { actorId, timeZone }: { actorId: string; timeZone: string },
): Promise<TimeOff> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: shifts.id })
      .from(shifts)
      .where(and(eq(shifts.workerId, input.workerId), overlapsRange(shifts.during, input.start, input.end)))
      .for("update");
    const booked = await bookedAppointmentsDuring(tx, input.workerId, input.start, input.end);
    await settleOrphans(tx, booked, { cancel: input.cancelAppointments, actorId, action: "time_off.create" });
    const [row] = await tx
      .insert(timeOff)
      .values({ workerId: input.workerId, startAt: input.start, endAt: input.end, reason: input.reason })
      .returning();
    if (!row) throw new Error("insert into time_off returned no row");
    await recordAudit(tx, {
      actorId,
      action: "time_off.create",
      entity: "time_off",
      entityId: row.id,
      after: toTimeOffJson(row, timeZone),
    });
    return row;
  });
}

/** Deletes time off; 404 when there is none with that id. */
export async function deleteTimeOff(db: Db, id: string, { actorId }: { actorId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(timeOff).where(eq(timeOff.id, id)).returning();
    if (!row) throw notFound("Time off");
    await recordAudit(tx, {
      actorId,
      action: "time_off.delete",
      entity: "time_off",
      entityId: id,
      before: toTimeOffJson(row, "UTC"),
    });
  });
}
