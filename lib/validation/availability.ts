// Query strings of the slots, availability and schedule endpoints (API.md "Slots and availability",
// "Schedules"). Days are plain calendar dates; the handler reads them in the location's timezone.
import { z } from "zod";
import { addDaysToDate } from "@/lib/time/zoned";
import { isoDateSchema, pageQuerySchema, refSchema } from "./common";

/** The longest span of days one slots request may ask for. */
export const MAX_RANGE_DAYS = 62;

/** A query parameter that may be left out or sent empty (`?date=` from a form); both mean "not given". */
const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** What is wrong with the days `from`..`to` (both included), if anything; paths name the parameter to fix. */
export function dayRangeIssue(from: string, to: string): { path: string; message: string } | undefined {
  if (to < from) return { path: "to", message: "`to` must not be before `from`." };
  if (addDaysToDate(from, MAX_RANGE_DAYS - 1) < to) {
    return { path: "to", message: `Ask for at most ${MAX_RANGE_DAYS} days at a time.` };
  }
  return undefined;
}

export const slotsQuerySchema = z
  .object({
    service: refSchema,
    date: optionalParam(isoDateSchema),
    from: optionalParam(isoDateSchema),
    to: optionalParam(isoDateSchema),
  })
  .superRefine((query, ctx) => {
    if (query.date && (query.from || query.to)) {
      ctx.addIssue({ code: "custom", path: ["date"], message: "Give either `date` or `from`/`to`, not both." });
    }
    // Zod 4 runs this even when a field failed, with its raw input: compare only two real dates.
    const isDay = (value: unknown) => isoDateSchema.safeParse(value).success;
    const issue = isDay(query.from) && isDay(query.to) ? dayRangeIssue(query.from ?? "", query.to ?? "") : undefined;
    if (issue) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  });
export type SlotsQuery = z.output<typeof slotsQuerySchema>;

export const availabilityQuerySchema = pageQuerySchema.extend({
  service: refSchema,
  date: optionalParam(isoDateSchema),
  specialty: optionalParam(refSchema),
  location: optionalParam(refSchema),
});
export type AvailabilityQuery = z.output<typeof availabilityQuerySchema>;

export const scheduleQuerySchema = z.object({ date: optionalParam(isoDateSchema) });
export type ScheduleQuery = z.output<typeof scheduleQuerySchema>;
