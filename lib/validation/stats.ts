// The query of GET /stats/appointments-per-day (API.md "Stats").
import { z } from "zod";
import { addDaysToDate } from "@/lib/time/zoned";
import { isoDateSchema, refSchema } from "./common";

/** The longest span of days one stats request may ask for: a year, leap day included. */
export const MAX_STATS_DAYS = 366;

export const appointmentsPerDayQuerySchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    /** A worker's id or slug. */
    workerId: refSchema.optional(),
    /** A location's id or slug. */
    locationId: refSchema.optional(),
  })
  .superRefine(({ from, to }, ctx) => {
    // Zod runs this even when a field failed, with the field's raw input; the field's issue says it all.
    if (!isoDateSchema.safeParse(from).success || !isoDateSchema.safeParse(to).success) return;
    if (to < from) ctx.addIssue({ code: "custom", path: ["to"], message: "`to` must not be before `from`." });
    else if (addDaysToDate(from, MAX_STATS_DAYS - 1) < to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `Ask for at most ${MAX_STATS_DAYS} days at a time.` });
    }
  });
export type AppointmentsPerDayQuery = z.infer<typeof appointmentsPerDayQuerySchema>;
