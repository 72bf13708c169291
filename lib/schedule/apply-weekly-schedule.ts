// PUT /workers/{ref}/weekly-schedule: store the recipe and bring the calendar in line with it, all or
// nothing, in one transaction.
import { type Db, type Executor, getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { deleteShifts, insertShiftsSkippingConflicts, workerShiftsDuring, type ZonedShift } from "@/db/queries/shifts";
import {
  findWeeklySchedule,
  loadScheduleShifts,
  lockWorker,
  replaceWeeklyRules,
  type StoredSchedule,
  upsertWeeklySchedule,
} from "@/db/queries/weekly-schedules";
import type { Location, Worker } from "@/db/schema/catalog";
import { toShiftJson, toWeeklyScheduleJson } from "@/lib/contract";
import { type AppError, calendarKeptChanging, scheduleConflict, validationFailed } from "@/lib/errors";
import { addDaysToDate, formatInstant, zonedDateOf, zonedDayBounds } from "@/lib/time/zoned";
import { MAX_SCHEDULE_DAYS, type WeeklyScheduleBody } from "@/lib/validation/schedules";
import { horizonDate, laterDate, planWeeklyShifts } from "./plan";
import { type ExistingShift, reconcileShifts, type ShiftConflict } from "./reconcile";
import { findLocationOr404, findWorkerOr404 } from "./refs";
import { sameRules, sortRules } from "./rules";

/** Thrown to roll an attempt back when a racing writer took part of the calendar meanwhile. */
class CalendarChanged extends Error {}

export type ScheduleShift = ZonedShift & ExistingShift;

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

/**
 * The local dates a schedule is applied to at `now`: from `from` (or today, if later) through
 * `until`, or through the booking horizon when there is no `until`. Refuses more than a year at once.
 */
export function appliedDates(
  body: { from: string; until?: string | null },
  worker: Pick<Worker, "bookingHorizonDays">,
  timeZone: string,
  now: Date,
): { from: string; through: string } {
  const from = laterDate(body.from, zonedDateOf(now, timeZone));
  const through = body.until ?? horizonDate(now, timeZone, worker.bookingHorizonDays);
  if (through > addDaysToDate(from, MAX_SCHEDULE_DAYS)) {
    throw validationFailed("until", `A schedule is applied at most ${MAX_SCHEDULE_DAYS} days ahead at once.`);
  }
  return { from, through };
}

/** The instants covering the local dates `from` through `through` (an empty range when reversed). */
export function datesWindow(dates: { from: string; through: string }, timeZone: string) {
  const start = zonedDayBounds(dates.from, timeZone).start;
  const end = dates.through < dates.from ? start : zonedDayBounds(dates.through, timeZone).end;
  return { start, end };
}

/** Creates or updates the worker's one schedule; rewrites the rules only when they changed. */
async function saveWeeklySchedule(
  tx: Executor,
  workerId: string,
  body: WeeklyScheduleBody & { locationId: string },
): Promise<{ saved: StoredSchedule; previous: StoredSchedule | undefined }> {
  const previous = await findWeeklySchedule(tx, workerId);
  const schedule = await upsertWeeklySchedule(tx, workerId, {
    locationId: body.locationId,
    validFrom: body.from,
    validUntil: body.until ?? null,
  });
  if (!previous || !sameRules(previous.rules, body.rules)) await replaceWeeklyRules(tx, schedule.id, body.rules);
  return { saved: { schedule, rules: sortRules(body.rules) }, previous };
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
      const rows = await loadScheduleShifts(tx, worker.id, location.id, window, now);
      const existing: ScheduleShift[] = rows.map((s) => ({
        ...s,
        start: s.startAt,
        end: s.endAt,
        generated: s.weeklyScheduleId !== null,
      }));
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
      await deleteShifts(
        tx,
        plan.remove.map((s) => s.id),
      );
      // ON CONFLICT DO NOTHING covers the exclusion constraints too: a shift written meanwhile by a
      // racing writer makes the insert come back short instead of failing, and the plan is redone.
      const inserted = await insertShiftsSkippingConflicts(
        tx,
        plan.insert.map((p) => ({
          workerId: worker.id,
          locationId: location.id,
          startAt: p.start,
          endAt: p.end,
          weeklyScheduleId: saved.schedule.id,
        })),
      );
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
        window.end > window.start ? await workerShiftsDuring(tx, worker.id, window.start, window.end) : [];
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

/**
 * PUT /workers/{ref}/weekly-schedule: replaces the schedule of the worker `workerRef` names and
 * applies it (applyWeeklySchedule). An empty `rules` list is a schedule with no working hours: it
 * clears the future shifts it made.
 */
export async function replaceWeeklySchedule(workerRef: string, body: WeeklyScheduleBody, actorId: string, now: Date) {
  const db = await getDb();
  const worker = await findWorkerOr404(db, workerRef);
  const location = await findLocationOr404(db, body.locationId);
  return applyWeeklySchedule(db, { worker, location, body, actorId, now });
}
