// API.md "Shift": a worker at a location from one instant to another.
import { z } from "zod";
import type { ZonedShift } from "@/db/queries/shifts";
import { formatInstant } from "@/lib/time/zoned";
import { instant } from "./common";

export const shiftSchema = z
  .object({ id: z.uuid(), workerId: z.uuid(), locationId: z.uuid(), start: instant, end: instant })
  .meta({ id: "Shift" });
export type Shift = z.infer<typeof shiftSchema>;

/** Its instants in its location's timezone. */
export const toShiftJson = (s: ZonedShift): Shift => ({
  id: s.id,
  workerId: s.workerId,
  locationId: s.locationId,
  start: formatInstant(s.startAt, s.timezone),
  end: formatInstant(s.endAt, s.timezone),
});
