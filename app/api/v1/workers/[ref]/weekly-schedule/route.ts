import { route } from "@/lib/api/handler";
import { replaceWeeklySchedule } from "@/lib/schedule/apply-weekly-schedule";
import { weeklyScheduleOf } from "@/lib/schedule/read";
import { refParamsSchema } from "@/lib/validation/common";
import { weeklyScheduleBodySchema } from "@/lib/validation/schedules";

/** The stored schedule `{ locationId, from, until, rules }`; 404 when the worker has none. */
export const GET = route({ params: refParamsSchema }, async ({ params }) => weeklyScheduleOf(params.ref));

/**
 * Replaces the schedule and applies it (lib/schedule/apply-weekly-schedule.ts): `200 { locationId,
 * from, until, rules, applied: { from, until }, shifts, kept }`. An empty `rules` list is a schedule
 * with no working hours: it clears the future shifts it made.
 */
export const PUT = route(
  { role: "manager", params: refParamsSchema, body: weeklyScheduleBodySchema },
  async ({ params, body, caller }) => replaceWeeklySchedule(params.ref, body, caller.id, new Date()),
);
