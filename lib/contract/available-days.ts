// The free days of a worker for a service (GET /workers/{ref}/available-days): every asked day with
// how many slots it offers and the first of them, for a month calendar.
import { z } from "zod";
import { day, instant } from "./common";

export const availableDaySchema = z.object({
  date: day,
  slots: z.number().int().min(0).describe("How many slots start on this day (what the slots endpoint lists for it)."),
  first: instant.nullable().describe("The start of the day's first slot; null when the day has none."),
});
export type AvailableDay = z.infer<typeof availableDaySchema>;

export const availableDaysSchema = z.object({ timezone: z.string(), days: z.array(availableDaySchema) });
export type AvailableDays = z.infer<typeof availableDaysSchema>;
