import { getDb } from "@/db/client";
import { findLocationOr404, findWorkerOr404 } from "@/db/queries/schedule-refs";
import { applyWeeklySchedule } from "@/db/queries/weekly-schedule-apply";
import { findWeeklySchedule, toWeeklyScheduleJson } from "@/db/queries/weekly-schedules";
import { route } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { refParamsSchema } from "@/lib/validation/common";
import { weeklyScheduleBodySchema } from "@/lib/validation/schedules";

/** The stored schedule `{ locationId, from, until, rules }`; 404 when the worker has none. */
export const GET = route({ params: refParamsSchema }, async ({ params }) => {
  const db = await getDb();
  const worker = await findWorkerOr404(db, params.ref);
  const stored = await findWeeklySchedule(db, worker.id);
  if (!stored) throw notFound("Weekly schedule");
  return toWeeklyScheduleJson(stored);
});

/**
 * Replaces the schedule and applies it (db/queries/weekly-schedule-apply.ts): `200 { locationId,
 * from, until, rules, applied: { from, until }, shifts, kept }`. An empty `rules` list is a schedule
 * with no working hours: it clears the future shifts it made.
 */
export const PUT = route(
  { role: "manager", params: refParamsSchema, body: weeklyScheduleBodySchema },
  async ({ params, body, caller }) => {
    const db = await getDb();
    const worker = await findWorkerOr404(db, params.ref);
    const location = await findLocationOr404(db, body.locationId);
    return applyWeeklySchedule(db, { worker, location, body, actorId: caller.id, now: new Date() });
  },
);
