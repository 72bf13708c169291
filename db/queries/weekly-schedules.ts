// A worker's weekly schedule rows: the stored recipe (one schedule row and its rules), the shifts
// it has made, and what the audit log records of how far the calendar was filled.
import { and, asc, desc, eq, gt, inArray, isNotNull, max, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { appointments } from "../schema/appointments";
import { locations, workers } from "../schema/catalog";
import { shifts, type WeeklySchedule, weeklyScheduleRules, weeklySchedules } from "../schema/schedules";
import { auditLog } from "../schema/system";
import { overlapsRange, selectZonedShifts, type ZonedShift } from "./shifts";

/** "09:00:00" from a time column → "09:00"; "24:00:00" → "24:00". */
const wallTime = (time: string) => time.slice(0, 5);

/** One working interval on one ISO weekday, as "HH:MM" wall times ("24:00": the end of the day). */
export type StoredRule = { weekday: number; start: string; end: string };
export type StoredSchedule = { schedule: WeeklySchedule; rules: StoredRule[] };

/** Holds the worker row while its calendar is rewritten, so schedule writes of one worker queue up. */
export async function lockWorker(tx: Executor, workerId: string) {
  // NO KEY UPDATE: bookings, which take only KEY SHARE through their foreign key, are not held up.
  await tx.select({ id: workers.id }).from(workers).where(eq(workers.id, workerId)).for("no key update");
}

/**
 * The stored weekly schedule of a worker and its rules in weekday, start, end order (time columns
 * order like their wall times, 24:00 last), if there is one.
 */
export async function findWeeklySchedule(db: Executor, workerId: string): Promise<StoredSchedule | undefined> {
  const [schedule] = await db.select().from(weeklySchedules).where(eq(weeklySchedules.workerId, workerId));
  if (!schedule) return undefined;
  const rows = await db
    .select()
    .from(weeklyScheduleRules)
    .where(eq(weeklyScheduleRules.scheduleId, schedule.id))
    .orderBy(asc(weeklyScheduleRules.weekday), asc(weeklyScheduleRules.startTime), asc(weeklyScheduleRules.endTime));
  const rules = rows.map((r) => ({ weekday: r.weekday, start: wallTime(r.startTime), end: wallTime(r.endTime) }));
  return { schedule, rules };
}

/** Creates or updates the worker's one schedule row; answers it. */
export async function upsertWeeklySchedule(
  tx: Executor,
  workerId: string,
  values: { locationId: string; validFrom: string; validUntil: string | null },
): Promise<WeeklySchedule> {
  const [schedule] = await tx
    .insert(weeklySchedules)
    .values({ workerId, ...values })
    .onConflictDoUpdate({ target: weeklySchedules.workerId, set: { ...values, updatedAt: new Date() } })
    .returning();
  if (!schedule) throw new Error("upsert of weekly_schedules returned no row");
  return schedule;
}

/** Replaces the rules of a schedule with `rules`. */
export async function replaceWeeklyRules(tx: Executor, scheduleId: string, rules: readonly StoredRule[]) {
  await tx.delete(weeklyScheduleRules).where(eq(weeklyScheduleRules.scheduleId, scheduleId));
  if (rules.length > 0) {
    await tx
      .insert(weeklyScheduleRules)
      .values(rules.map((r) => ({ scheduleId, weekday: r.weekday, startTime: r.start, endTime: r.end })));
  }
}

/** A shift with the ids of the worker's booked appointments in it that have not ended. */
export type ShiftWithBookings = ZonedShift & { appointmentIds: string[] };

/**
 * The shifts applying a plan must reconcile with: every generated shift of the worker that has not
 * ended (held FOR UPDATE, so a booking cannot slip into one that is about to be removed), and every
 * shift of the worker or at the location during the window; with their booked appointments.
 */
export async function loadScheduleShifts(
  tx: Executor,
  workerId: string,
  locationId: string,
  window: { start: Date; end: Date },
  now: Date,
): Promise<ShiftWithBookings[]> {
  const generated = await selectZonedShifts(
    tx,
    and(eq(shifts.workerId, workerId), isNotNull(shifts.weeklyScheduleId), gt(shifts.endAt, now)),
  ).for("update", { of: shifts });
  const nearby =
    window.end > window.start
      ? await selectZonedShifts(
          tx,
          and(
            overlapsRange(shifts.during, window.start, window.end),
            or(eq(shifts.workerId, workerId), eq(shifts.locationId, locationId)),
          ),
        )
      : [];
  const byId = new Map([...generated, ...nearby].map((s) => [s.id, s]));
  const ownIds = [...byId.values()].filter((s) => s.workerId === workerId).map((s) => s.id);
  const booked = ownIds.length
    ? await tx
        .select({ id: appointments.id, shiftId: shifts.id })
        .from(appointments)
        .innerJoin(shifts, sql`${shifts.during} && ${appointments.during}`)
        .where(
          and(
            inArray(shifts.id, ownIds),
            eq(appointments.workerId, workerId),
            eq(appointments.status, "booked"),
            overlapsRange(appointments.during, now, null),
          ),
        )
        .orderBy(asc(appointments.startAt))
    : [];
  return [...byId.values()].map((s) => ({
    ...s,
    appointmentIds: booked.filter((b) => b.shiftId === s.id).map((b) => b.id),
  }));
}

/** The workers that have a weekly schedule, in id order. */
export async function weeklyScheduleOwners(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ workerId: weeklySchedules.workerId })
    .from(weeklySchedules)
    .orderBy(sql`${weeklySchedules.workerId}`);
  return rows.map((r) => r.workerId);
}

/** The zone of a schedule's location and its worker's booking horizon in days. */
export async function scheduleContext(
  tx: Executor,
  workerId: string,
  locationId: string,
): Promise<{ timeZone: string; horizonDays: number } | undefined> {
  const [context] = await tx
    .select({ timeZone: locations.timezone, horizonDays: workers.bookingHorizonDays })
    .from(workers)
    .innerJoin(locations, eq(locations.id, locationId))
    .where(eq(workers.id, workerId));
  return context;
}

/**
 * The `applied.through` date recorded by the latest `weekly_schedule.apply` or `.roll` audit row of
 * a schedule, if any.
 */
export async function recordedThrough(tx: Executor, scheduleId: string): Promise<string | undefined> {
  const [recorded] = await tx
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, "weekly_schedule"),
        eq(auditLog.entityId, scheduleId),
        inArray(auditLog.action, ["weekly_schedule.apply", "weekly_schedule.roll"]),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  const through = (recorded?.after as { applied?: { through?: unknown } } | null)?.applied?.through;
  return typeof through === "string" ? through : undefined;
}

/** The start of the latest shift a schedule made, if any. */
export async function latestScheduleShiftStart(tx: Executor, scheduleId: string): Promise<Date | null> {
  const [latest] = await tx
    .select({ startAt: max(shifts.startAt) })
    .from(shifts)
    .where(eq(shifts.weeklyScheduleId, scheduleId));
  return latest?.startAt ?? null;
}
