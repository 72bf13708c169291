// The hourly roll-forward: as days pass, the booking horizon moves on and each weekly schedule must
// fill the newly reachable days with shifts. Idempotent and safe to run from several app instances
// at once (each schedule is rolled under its worker's row lock, and inserts skip what exists).
import type { Db, Executor } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { insertShiftsSkippingConflicts } from "@/db/queries/shifts";
import {
  findWeeklySchedule,
  latestScheduleShiftStart,
  lockWorker,
  recordedThrough,
  scheduleContext,
  weeklyScheduleOwners,
} from "@/db/queries/weekly-schedules";
import type { WeeklySchedule } from "@/db/schema/schedules";
import { addDaysToDate, zonedDateOf } from "@/lib/time/zoned";
import { earlierDate, horizonDate, laterDate, planWeeklyShifts } from "./plan";

export type RollReport = { workerId: string; scheduleId: string; through: string; created: number; skipped: string[] };

/**
 * The last local date the schedule has already been laid out to. Days up to it are never filled in
 * again: a shift a manager deleted there stays deleted. It is the `through` recorded by the latest
 * apply or roll; a schedule that has neither (the demo seed's) counts up to its latest shift.
 */
async function laidOutThrough(tx: Executor, schedule: WeeklySchedule, timeZone: string): Promise<string> {
  const through = await recordedThrough(tx, schedule.id);
  if (through !== undefined) return through;
  const latest = await latestScheduleShiftStart(tx, schedule.id);
  return latest ? zonedDateOf(latest, timeZone) : addDaysToDate(schedule.validFrom, -1);
}

async function rollOne(db: Db, workerId: string, now: Date): Promise<RollReport | null> {
  return db.transaction(async (tx) => {
    await lockWorker(tx, workerId);
    const stored = await findWeeklySchedule(tx, workerId);
    if (!stored) return null;
    const { schedule, rules } = stored;
    const context = await scheduleContext(tx, workerId, schedule.locationId);
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
    const inserted = await insertShiftsSkippingConflicts(
      tx,
      planned.map((p) => ({
        workerId,
        locationId: schedule.locationId,
        startAt: p.start,
        endAt: p.end,
        weeklyScheduleId: schedule.id,
      })),
    );
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
  const owners = await weeklyScheduleOwners(db);
  const reports: RollReport[] = [];
  for (const workerId of owners) {
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
