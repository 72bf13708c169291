// API.md "TimeOff": a stretch in which a worker is not bookable.
import { z } from "zod";
import type { TimeOff as TimeOffRow } from "@/db/schema/schedules";
import { formatInstant } from "@/lib/time/zoned";
import { instant } from "./common";

export const timeOffSchema = z
  .object({
    id: z.uuid(),
    workerId: z.uuid(),
    start: instant,
    end: instant,
    reason: z.string().nullable(),
  })
  .meta({ id: "TimeOff" });
export type TimeOff = z.infer<typeof timeOffSchema>;

/** Written in `timeZone` (the worker's home location's). */
export const toTimeOffJson = (t: TimeOffRow, timeZone: string): TimeOff => ({
  id: t.id,
  workerId: t.workerId,
  start: formatInstant(t.startAt, timeZone),
  end: formatInstant(t.endAt, timeZone),
  reason: t.reason,
});
