import { z } from "zod";
import { overlappingRules, type WeeklyRule } from "@/lib/schedule/rules";
import { CLOCK, CLOCK_OR_MIDNIGHT } from "@/lib/time/wall-clock";
import { dateOrInstantSchema, instantSchema, isoDateSchema, pageQuerySchema, refSchema, textSchema } from "./common";

const HOUR = 3_600_000;
/** A shift is at most one local day long; 25 hours covers a whole day that ends summer time. */
export const MAX_SHIFT_HOURS = 25;
export const MAX_TIME_OFF_DAYS = 366;
/** How far one weekly-schedule request may reach: a year of shifts at most. */
export const MAX_SCHEDULE_DAYS = 366;

/** The issue for an interval whose end is not after its start, or that is longer than `maxMs`. */
export function intervalIssue(start: Date, end: Date, maxMs: number, maxLabel: string): string | null {
  if (end <= start) return "The end must be after the start.";
  if (end.getTime() - start.getTime() > maxMs) return `An interval may be at most ${maxLabel} long.`;
  return null;
}

export const shiftIntervalIssue = (start: Date, end: Date) =>
  intervalIssue(start, end, MAX_SHIFT_HOURS * HOUR, `${MAX_SHIFT_HOURS} hours`);
const timeOffIntervalIssue = (start: Date, end: Date) =>
  intervalIssue(start, end, MAX_TIME_OFF_DAYS * 24 * HOUR, `${MAX_TIME_OFF_DAYS} days`);

const checkInterval =
  (issue: (start: Date, end: Date) => string | null) => (v: { start?: Date; end?: Date }, ctx: z.RefinementCtx) => {
    // Zod 4 runs object refinements even when a field failed, with that field's raw input.
    const message = v.start instanceof Date && v.end instanceof Date ? issue(v.start, v.end) : null;
    if (message) ctx.addIssue({ code: "custom", path: ["end"], message });
  };

const cancelAppointmentsSchema = z
  .boolean()
  .default(false)
  .describe(
    "Cancel the worker's booked appointments that this change would orphan, in the same transaction; " +
      "without it such a change answers 409 has_appointments listing them.",
  );

export const shiftBodySchema = z
  .object({
    locationId: refSchema.describe("The location's id or slug."),
    start: instantSchema,
    end: instantSchema,
  })
  .superRefine(checkInterval(shiftIntervalIssue));

/** PATCH /shifts/{id}: the fields given change; the merged interval is checked by the handler. */
export const shiftPatchSchema = z
  .object({
    locationId: refSchema.optional(),
    start: instantSchema.optional(),
    end: instantSchema.optional(),
    cancelAppointments: cancelAppointmentsSchema,
  })
  .refine((v) => v.locationId !== undefined || v.start !== undefined || v.end !== undefined, {
    message: "Give at least one of locationId, start, end.",
  });

const queryFlag = z
  .enum(["true", "false", "1", "0"], { message: "Use true or false." })
  .transform((v) => v === "true" || v === "1");

export const shiftDeleteQuerySchema = z.object({
  cancelAppointments: queryFlag.default(false).describe(cancelAppointmentsSchema.description ?? ""),
});

export const timeOffBodySchema = z
  .object({
    start: instantSchema,
    end: instantSchema,
    reason: textSchema().trim().max(500).nullish(),
    cancelAppointments: cancelAppointmentsSchema,
  })
  .superRefine(checkInterval(timeOffIntervalIssue));

/** A range bound: an RFC 3339 instant, or a date read in the location's timezone. */
const boundSchema = dateOrInstantSchema;

/**
 * `from`/`to` of a list: instants, or dates in the timezone of the worker's location (`from` a date:
 * that day's start; `to` a date: that day is included).
 */
export const rangeQuerySchema = pageQuerySchema.extend({ from: boundSchema.optional(), to: boundSchema.optional() });
export type RangeQuery = z.infer<typeof rangeQuerySchema>;

const clock = CLOCK;
const clockOrMidnight = CLOCK_OR_MIDNIGHT;

export const weeklyRuleSchema = z
  .object({
    weekday: z.number().int().min(1).max(7).describe("ISO weekday: Monday = 1 … Sunday = 7."),
    start: z.string().regex(clock, { message: "Use a wall time HH:MM from 00:00 to 23:59." }),
    end: z.string().regex(clockOrMidnight, { message: "Use a wall time HH:MM from 00:01 to 24:00." }),
  })
  // Only once both times are well-formed ("HH:MM" strings then compare in time order).
  .refine((r) => !clock.test(r.start) || !clockOrMidnight.test(r.end) || r.end > r.start, {
    path: ["end"],
    message: "The end must be after the start.",
  });

export const weeklyScheduleBodySchema = z
  .object({
    locationId: refSchema.describe("Where the shifts are: a location id or slug."),
    from: isoDateSchema.describe("First date the schedule applies to (in the location's timezone)."),
    until: isoDateSchema
      .nullish()
      .describe("Last date it applies to; without it the schedule runs on, kept filled up to the booking horizon."),
    rules: z.array(weeklyRuleSchema).max(100),
  })
  .superRefine((v, ctx) => {
    if (typeof v.until === "string" && v.until < v.from) {
      ctx.addIssue({ code: "custom", path: ["until"], message: "until must not be before from." });
    }
    const valid = (r: unknown): r is WeeklyRule =>
      typeof r === "object" &&
      r !== null &&
      typeof (r as WeeklyRule).start === "string" &&
      typeof (r as WeeklyRule).end === "string";
    // Malformed rules keep their index (so issue paths stay right) but pair with nothing.
    const rules = Array.isArray(v.rules)
      ? v.rules.map((r) => (valid(r) ? r : { weekday: Number.NaN, start: "", end: "" }))
      : [];
    for (const [i, j] of overlappingRules(rules)) {
      ctx.addIssue({ code: "custom", path: ["rules", j], message: `Overlaps rule ${i} of the same weekday.` });
    }
  });
export type WeeklyScheduleBody = z.infer<typeof weeklyScheduleBodySchema>;
