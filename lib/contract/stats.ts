// GET /stats/appointments-per-day.
import { z } from "zod";
import { day } from "./common";

export const dayCountsSchema = z.object({
  items: z.array(z.object({ day, count: z.number().int() })).describe("Every day of the range, in order, zero or not."),
});
export type DayCounts = z.infer<typeof dayCountsSchema>;

// GET /stats/summary.
export const statsSummarySchema = z.object({
  booked: z.number().int().describe("Appointments still `booked` that start in the range."),
  completed: z.number().int(),
  cancelled: z.number().int(),
  noShow: z.number().int(),
  noShowRate: z.number().describe("noShow / (completed + noShow), 0 when both are 0; rounded to 4 places."),
  revenue: z
    .array(z.object({ currency: z.string(), amount: z.number().describe("Major units.") }))
    .describe("The prices of the completed appointments, summed per currency, by currency code."),
  bookedMinutes: z.number().int().describe("The length of booked, completed and no-show appointments."),
  shiftMinutes: z.number().int().describe("The length of the shifts, clipped to the range."),
  utilisation: z.number().describe("bookedMinutes / shiftMinutes, 0 when there are no shift minutes; 4 places."),
});
export type StatsSummary = z.infer<typeof statsSummarySchema>;
