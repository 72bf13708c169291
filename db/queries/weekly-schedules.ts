// A worker's weekly schedule: the stored recipe, and applying it to the calendar as shifts.
import { and, asc, eq, gt, inArray, isNotNull, or, sql } from "drizzle-orm";
import { validationFailed } from "@/lib/errors";
import { horizonDate, laterDate } from "@/lib/schedule/plan";
import type { ExistingShift } from "@/lib/schedule/reconcile";
import { sameRules, sortRules, type WeeklyRule } from "@/lib/schedule/rules";
import { addDaysToDate, zonedDateOf, zonedDayBounds } from "@/lib/time/zoned";
import { MAX_SCHEDULE_DAYS, type WeeklyScheduleBody } from "@/lib/validation/schedules";
import type { Executor } from "../client";
import { appointments } from "../schema/appointments";
import { type Location, type Worker, workers } from "../schema/catalog";
import { shifts, type WeeklySchedule, weeklyScheduleRules, weeklySchedules } from "../schema/schedules";
import { overlapsRange, selectZonedShifts, type ZonedShift } from "./shifts";

/** "09:00:00" from a time column → "09:00"; "24:00:00" → "24:00". */
const wallTime = (time: string) => time.slice(0, 5);

export type StoredSchedule = { schedule: WeeklySchedule; rules: WeeklyRule[] };

/** Holds the worker row while its calendar is rewritten, so schedule writes of one worker queue up. */
export async function lockWorker(tx: Executor, workerId: string) {
  // NO KEY UPDATE: bookings, which take only KEY SHARE through their foreign key, are not held up.
  await tx.select({ id: workers.id }).from(workers).where(eq(workers.id, workerId)).for("no key update");
}

/** The stored weekly schedule of a worker and its rules in weekday/time order, if there is one. */
export async function findWeeklySchedule(db: Executor, workerId: string): Promise<StoredSchedule | undefined> {
  const [schedule] = await db.select().from(weeklySchedules).where(eq(weeklySchedules.workerId, workerId));
  if (!schedule) return undefined;
  const rows = await db.select().from(weeklyScheduleRules).where(eq(weeklyScheduleRules.scheduleId, schedule.id));
  const rules = rows.map((r) => ({ weekday: r.weekday, start: wallTime(r.startTime), end: wallTime(r.endTime) }));
  return { schedule, rules: sortRules(rules) };
}

export const toWeeklyScheduleJson = ({ schedule, rules }: StoredSchedule) => ({
  locationId: schedule.locationId,
  from: schedule.validFrom,
  until: schedule.validUntil,
  rules,
});

/** Creates or updates the worker's one schedule row; rewrites the rules only when they changed. */
export async function saveWeeklySchedule(
  tx: Executor,
  workerId: string,
  body: WeeklyScheduleBody & { locationId: string },
): Promise<{ saved: StoredSchedule; previous: StoredSchedule | undefined }> {
  const previous = await findWeeklySchedule(tx, workerId);
  const values = { locationId: body.locationId, validFrom: body.from, validUntil: body.until ?? null };
  const [schedule] = await tx
    .insert(weeklySchedules)
    .values({ workerId, ...values })
    .onConflictDoUpdate({ target: weeklySchedules.workerId, set: { ...values, updatedAt: new Date() } })
    .returning();
  if (!schedule) throw new Error("upsert of weekly_schedules returned no row");
  if (!previous || !sameRules(previous.rules, body.rules)) {
    await tx.delete(weeklyScheduleRules).where(eq(weeklyScheduleRules.scheduleId, schedule.id));
    if (body.rules.length > 0) {
      await tx
        .insert(weeklyScheduleRules)
        .values(
          body.rules.map((r) => ({ scheduleId: schedule.id, weekday: r.weekday, startTime: r.start, endTime: r.end })),
        );
    }
  }
  return { saved: { schedule, rules: sortRules(body.rules) }, previous };
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

export type ScheduleShift = ZonedShift & ExistingShift;

/**
 * The shifts applying a plan must reconcile with: every generated shift of the worker that has not
 * ended (held FOR UPDATE, so a booking cannot slip into one that is about to be removed), and every
 * shift of the worker or at the location during the planned window; with their booked appointments.
 */
export async function loadScheduleShifts(
  tx: Executor,
  workerId: string,
  location: Location,
  window: { start: Date; end: Date },
  now: Date,
): Promise<ScheduleShift[]> {
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
            or(eq(shifts.workerId, workerId), eq(shifts.locationId, location.id)),
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
    start: s.startAt,
    end: s.endAt,
    generated: s.weeklyScheduleId !== null,
    appointmentIds: booked.filter((b) => b.shiftId === s.id).map((b) => b.id),
  }));
}
