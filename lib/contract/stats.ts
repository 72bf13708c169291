// GET /stats/appointments-per-day.
import { z } from "zod";
import { day } from "./common";

export const dayCountsSchema = z.object({
  items: z.array(z.object({ day, count: z.number().int() })).describe("Every day of the range, in order, zero or not."),
});
export type DayCounts = z.infer<typeof dayCountsSchema>;
