// GET /stats/appointments-per-day.
import { z } from "zod";
import { day } from "./common";

export const dayCountsSchema = z.object({
  items: z.array(z.object({ day, count: z.number().int() })).describe("Every day of the range, in order, zero or not."),
});
export type DayCounts = z.infer<typeof dayCountsSchema>;

const revenueSchema = z
  .array(z.object({ currency: z.string(), amount: z.number().describe("Major units.") }))
  .describe("The prices of the completed appointments, summed per currency, by currency code.");

export const statsGroupSchema = z
  .object({
    key: z
      .string()
      .nullable()
      .describe("The local date (YYYY-MM-DD) with groupBy=day; the worker's id with groupBy=worker, null for rooms."),
    label: z.string().nullable().describe("The worker's name with groupBy=worker; null otherwise."),
    booked: z.number().int(),
    completed: z.number().int(),
    cancelled: z.number().int(),
    noShow: z.number().int(),
    bookedMinutes: z.number().int(),
    revenue: revenueSchema,
  })
  .meta({ id: "StatsGroup" });
export type StatsGroup = z.infer<typeof statsGroupSchema>;

// GET /stats/summary.
export const statsSummarySchema = z.object({
  booked: z.number().int().describe("Appointments still `booked` that start in the range."),
  completed: z.number().int(),
  cancelled: z.number().int(),
  noShow: z.number().int(),
  noShowRate: z.number().describe("noShow / (completed + noShow), 0 when both are 0; rounded to 4 places."),
  revenue: revenueSchema,
  bookedMinutes: z.number().int().describe("The length of booked, completed and no-show appointments."),
  shiftMinutes: z.number().int().describe("The length of the shifts, clipped to the range."),
  utilisation: z.number().describe("bookedMinutes / shiftMinutes, 0 when there are no shift minutes; 4 places."),
  groups: z
    .array(statsGroupSchema)
    .optional()
    .describe(
      "Only with `groupBy` (an extension of API.md): the same counts per local day (every day of the range, in " +
        "order) or per worker with appointments in the range (by name; rooms' appointments under key null).",
    ),
});
export type StatsSummary = z.infer<typeof statsSummarySchema>;
