// PUT /workers/{ref}/weekly-schedule: store the recipe and bring the calendar in line with it, all or
// nothing, in one transaction.
import { and, eq, inArray } from "drizzle-orm";
import { type AppError, calendarKeptChanging, scheduleConflict } from "@/lib/errors";
import { planWeeklyShifts } from "@/lib/schedule/plan";
import { reconcileShifts, type ShiftConflict } from "@/lib/schedule/reconcile";
import { formatInstant } from "@/lib/time/zoned";
import type { WeeklyScheduleBody } from "@/lib/validation/schedules";
import type { Db } from "../client";
import type { Location, Worker } from "../schema/catalog";
import { shifts } from "../schema/schedules";
import { recordAudit } from "./audit";
import { overlapsRange, selectZonedShifts, toShiftJson } from "./shifts";
import {
  appliedDates,
  datesWindow,
  loadScheduleShifts,
  lockWorker,
  type ScheduleShift,
  saveWeeklySchedule,
  toWeeklyScheduleJson,
} from "./weekly-schedules";

/** Thrown to roll an attempt back when a racing writer took part of the calendar meanwhile. */
class CalendarChanged extends Error {}

/** 409 listing every date the schedule cannot have, and the shift in the way on each. */
function scheduleConflictError(conflicts: ShiftConflict<ScheduleShift>[], timeZone: string): AppError {
  const code = conflicts.some((c) => c.code === "location_busy") ? "location_busy" : "worker_busy";
  const dates = [...new Set(conflicts.map((c) => c.planned.date))].sort();
  return scheduleConflict(code, {
    dates,
    conflicts: conflicts.map((c) => ({
      ...toShiftJson(c.shift),
      date: c.planned.date,
      code: c.code,
      planned: { start: formatInstant(c.planned.start, timeZone), end: formatInstant(c.planned.end, timeZone) },
    })),
  });
}

export type ApplyInput = {
  worker: Worker;
  location: Location;
  body: WeeklyScheduleBody;
  actorId: string | null;
  now: Date;
};

/**
 * Saves the weekly schedule and makes the shifts it describes (see reconcileShifts for what changes).
 * Any conflict answers 409 listing every conflicting date, and nothing is saved or created. Answers
 * the schedule, the shifts that now exist on the applied dates, and the earlier shifts it had to keep.
 */
export async function applyWeeklySchedule(db: Db, input: ApplyInput) {
  const { worker, location, now } = input;
  const timeZone = location.timezone;
  const dates = appliedDates(input.body, worker, timeZone, now);
  const window = datesWindow(dates, timeZone);
  const planned = planWeeklyShifts(input.body.rules, { ...dates, timeZone });
  const attempt = () =>
    db.transaction(async (tx) => {
      await lockWorker(tx, worker.id);
      const { saved, previous } = await saveWeeklySchedule(tx, worker.id, { ...input.body, locationId: location.id });
      const existing = await loadScheduleShifts(tx, worker.id, location, window, now);
      const plan = reconcileShifts({
        planned,
        existing,
        workerId: worker.id,
        locationId: location.id,
        exclusiveLocation: location.kind === "workplace",
        from: window.start,
        now,
      });
      if (plan.conflicts.length > 0) throw scheduleConflictError(plan.conflicts, timeZone);
      if (plan.remove.length > 0) {
        await tx.delete(shifts).where(
          inArray(
            shifts.id,
            plan.remove.map((s) => s.id),
          ),
        );
      }
      // ON CONFLICT DO NOTHING covers the exclusion constraints too: a shift written meanwhile by a
      // racing writer makes the insert come back short instead of failing, and the plan is redone.
      const inserted = plan.insert.length
        ? await tx
            .insert(shifts)
            .values(
              plan.insert.map((p) => ({
                workerId: worker.id,
                locationId: location.id,
                startAt: p.start,
                endAt: p.end,
                weeklyScheduleId: saved.schedule.id,
              })),
            )
            .onConflictDoNothing()
            .returning({ id: shifts.id })
        : [];
      if (inserted.length < plan.insert.length) throw new CalendarChanged();
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "weekly_schedule.apply",
        entity: "weekly_schedule",
        entityId: saved.schedule.id,
        before: previous ? toWeeklyScheduleJson(previous) : null,
        after: {
          ...toWeeklyScheduleJson(saved),
          // `through` is how far the calendar is filled; the hourly roll-forward continues from it.
          applied: { from: dates.from, through: dates.through },
          created: inserted.map((r) => r.id),
          removed: plan.remove.map((s) => s.id),
          kept: plan.kept.map((k) => k.shift.id),
        },
      });
      const current =
        window.end > window.start
          ? await selectZonedShifts(
              tx,
              and(eq(shifts.workerId, worker.id), overlapsRange(shifts.during, window.start, window.end)),
            )
          : [];
      return {
        ...toWeeklyScheduleJson(saved),
        applied: { from: dates.from, until: dates.through },
        shifts: current.map(toShiftJson),
        kept: plan.kept.map((k) => ({
          shift: toShiftJson(k.shift),
          reason: k.reason,
          ...(k.reason === "has_appointments" ? { appointmentIds: k.shift.appointmentIds } : {}),
        })),
      };
    });
  // The rolled-back attempt changed nothing; the next one sees the racing shift and reports it as a
  // conflict (or, if that writer gave up, succeeds).
  for (let round = 0; round < 3; round++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof CalendarChanged)) throw err;
    }
  }
  throw calendarKeptChanging();
}
