// One day of a worker or of a location (GET /workers/{ref}/schedule, /locations/{ref}/schedule).
import { z } from "zod";
import { brief, day, interval } from "./common";

export const workerDaySchema = z.object({
  date: day,
  timezone: z.string(),
  shifts: z.array(interval.extend({ location: brief })),
  timeOff: z.array(interval),
  busy: z.array(interval).describe("Merged booked time; never says who booked."),
});
export type WorkerDay = z.infer<typeof workerDaySchema>;

export const locationDaySchema = z.object({
  date: day,
  timezone: z.string(),
  shifts: z.array(interval.extend({ worker: brief })),
  busy: z.array(interval),
});
export type LocationDay = z.infer<typeof locationDaySchema>;
