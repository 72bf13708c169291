// The queries of GET /stats/appointments-per-day (API.md "Stats"), GET /stats/summary and
// GET /reports/appointments.csv (API.md "Staff views and reports"): one range of local dates and filters.
import { z } from "zod";
import { APPOINTMENT_STATUSES } from "@/db/schema/appointments";
import { daysBetweenDates } from "@/lib/time/zoned";
import { isoDateSchema, refSchema } from "./common";

/** The longest span of days one stats request may ask for: a year, leap day included. */
export const MAX_STATS_DAYS = 366;

const rangeQuerySchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  /** A worker's id or slug. */
  workerId: refSchema.optional(),
  /** A location's id or slug. */
  locationId: refSchema.optional(),
});

function checkRange({ from, to }: { from: string; to: string }, ctx: z.RefinementCtx) {
  // Zod runs this even when a field failed, with the field's raw input; the field's issue says it all.
  if (!isoDateSchema.safeParse(from).success || !isoDateSchema.safeParse(to).success) return;
  // PostgreSQL has no year 0 and JavaScript reads years below 100 as 19xx; no stats lie there.
  const ancient = (["from", "to"] as const).filter((path) => ({ from, to })[path] < "1000-01-01");
  for (const path of ancient) ctx.addIssue({ code: "custom", path: [path], message: "Use a year from 1000 to 9998." });
  if (ancient.length > 0) return;
  const days = daysBetweenDates(from, to) + 1;
  if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "`to` must not be before `from`." });
  else if (days > MAX_STATS_DAYS) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `Ask for at most ${MAX_STATS_DAYS} days at a time.` });
  }
}

export const appointmentsPerDayQuerySchema = rangeQuerySchema.superRefine(checkRange);
export type AppointmentsPerDayQuery = z.infer<typeof appointmentsPerDayQuerySchema>;

/** GET /stats/summary: the same range and filters as the per-day chart, and a breakdown if asked for. */
export const statsSummaryQuerySchema = rangeQuerySchema
  .extend({ groupBy: z.enum(["day", "worker"]).optional() })
  .superRefine(checkRange);
export type StatsSummaryQuery = z.infer<typeof statsSummaryQuerySchema>;

/** GET /reports/appointments.csv: the range and filters, and one status if named. */
export const appointmentsCsvQuerySchema = rangeQuerySchema
  .extend({ status: z.enum(APPOINTMENT_STATUSES).optional() })
  .superRefine(checkRange);
export type AppointmentsCsvQuery = z.infer<typeof appointmentsCsvQuerySchema>;
