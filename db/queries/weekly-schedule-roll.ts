// The hourly roll-forward: as days pass, the booking horizon moves on and each weekly schedule must
// fill the newly reachable days with shifts. Idempotent and safe to run from several app instances
// at once (each schedule is rolled under its worker's row lock, and inserts skip what exists).
import { and, desc, eq, inArray, max, sql } from "drizzle-orm";
import { earlierDate, horizonDate, laterDate, planWeeklyShifts } from "@/lib/schedule/plan";
import { addDaysToDate, zonedDateOf } from "@/lib/time/zoned";
import type { Db, Executor } from "../client";
import { locations, workers } from "../schema/catalog";
import { shifts, type WeeklySchedule, weeklySchedules } from "../schema/schedules";
import { auditLog } from "../schema/system";
import { recordAudit } from "./audit";
import { findWeeklySchedule, lockWorker } from "./weekly-schedules";

export type RollReport = { workerId: string; scheduleId: string; through: string; created: number; skipped: string[] };

/**
 * The last local date the schedule has already been laid out to. Days up to it are never filled in
 * again: a shift a manager deleted there stays deleted. It is the `through` recorded by the latest
 * apply or roll; a schedule that has neither (the demo seed's) counts up to its latest shift.
 */
async function laidOutThrough(tx: Executor, schedule: WeeklySchedule, timeZone: string): Promise<string> {
  const [recorded] = await tx
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, "weekly_schedule"),
        eq(auditLog.entityId, schedule.id),
        inArray(auditLog.action, ["weekly_schedule.apply", "weekly_schedule.roll"]),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  const through = (recorded?.after as { applied?: { through?: unknown } } | null)?.applied?.through;
  if (typeof through === "string") return through;
  const [latest] = await tx
    .select({ startAt: max(shifts.startAt) })
    .from(shifts)
    .where(eq(shifts.weeklyScheduleId, schedule.id));
  return latest?.startAt ? zonedDateOf(latest.startAt, timeZone) : addDaysToDate(schedule.validFrom, -1);
}

async function rollOne(db: Db, workerId: string, now: Date): Promise<RollReport | null> {
  return db.transaction(async (tx) => {
    await lockWorker(tx, workerId);
    const stored = await findWeeklySchedule(tx, workerId);
    if (!stored) return null;
    const { schedule, rules } = stored;
    const [context] = await tx
      .select({ timeZone: locations.timezone, horizonDays: workers.bookingHorizonDays })
      .from(workers)
      .innerJoin(locations, eq(locations.id, schedule.locationId))
      .where(eq(workers.id, workerId));
    if (!context) return null;
    const { timeZone } = context;
    const horizon = horizonDate(now, timeZone, context.horizonDays);
    const through = schedule.validUntil ? earlierDate(schedule.validUntil, horizon) : horizon;
    const done = await laidOutThrough(tx, schedule, timeZone);
    const from = [addDaysToDate(done, 1), schedule.validFrom, zonedDateOf(now, timeZone)].reduce(laterDate);
    if (from > through) return null;
    const planned = planWeeklyShifts(rules, { from, through, timeZone }).filter((p) => p.start > now);
    // DO NOTHING also skips rows an exclusion constraint refuses: another worker in the workplace, or
    // a manual shift of this worker. Those days are left out and reported, never fought over.
    const inserted = planned.length
      ? await tx
          .insert(shifts)
          .values(
            planned.map((p) => ({
              workerId,
              locationId: schedule.locationId,
              startAt: p.start,
              endAt: p.end,
              weeklyScheduleId: schedule.id,
            })),
          )
          .onConflictDoNothing()
          .returning({ startAt: shifts.startAt })
      : [];
    const made = new Set(inserted.map((r) => r.startAt.getTime()));
    const skipped = [...new Set(planned.filter((p) => !made.has(p.start.getTime())).map((p) => p.date))];
    const report = { workerId, scheduleId: schedule.id, through, created: inserted.length, skipped };
    await recordAudit(tx, {
      actorId: null,
      action: "weekly_schedule.roll",
      entity: "weekly_schedule",
      entityId: schedule.id,
      after: { applied: { from, through }, created: inserted.length, skipped },
    });
    return report;
  });
}

/**
 * Creates the missing shifts of every weekly schedule up to its worker's booking horizon (or its
 * `until`). Never fails as a whole: a conflicting day is skipped and logged, and an error with one
 * schedule is logged and leaves the others to go on. Answers what it did, per schedule that moved.
 */
export async function rollWeeklySchedules(db: Db, now = new Date()): Promise<RollReport[]> {
  const owners = await db
    .select({ workerId: weeklySchedules.workerId })
    .from(weeklySchedules)
    .orderBy(sql`${weeklySchedules.workerId}`);
  const reports: RollReport[] = [];
  for (const { workerId } of owners) {
    try {
      const report = await rollOne(db, workerId, now);
      if (!report) continue;
      reports.push(report);
      if (report.skipped.length > 0) {
        console.warn(
          `[schedules] worker ${workerId}: shifts on ${report.skipped.join(", ")} conflict with existing shifts; skipped.`,
        );
      }
    } catch (err) {
      console.error(`[schedules] rolling the weekly schedule of worker ${workerId} failed:`, err);
    }
  }
  return reports;
}
