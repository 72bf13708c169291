// A worker's weekly schedule (API.md v1 extensions): the stored recipe, and what applying it did.
import { z } from "zod";
import type { StoredSchedule } from "@/db/queries/weekly-schedules";
import { day } from "./common";
import { shiftSchema } from "./shift";

const weeklyRule = z.object({ weekday: z.number().int().min(1).max(7), start: z.string(), end: z.string() });

export const weeklyScheduleSchema = z.object({
  locationId: z.uuid(),
  from: day,
  until: day.nullable(),
  rules: z.array(weeklyRule),
});
export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;

export const appliedWeeklyScheduleSchema = weeklyScheduleSchema.extend({
  applied: z.object({ from: day, until: day }),
  shifts: z.array(shiftSchema),
  kept: z
    .array(
      z.object({
        shift: shiftSchema,
        reason: z.enum(["has_appointments", "started"]),
        appointmentIds: z.array(z.uuid()).optional(),
      }),
    )
    .describe("Shifts the new rules would remove but that stay: already started, or holding booked appointments."),
});
export type AppliedWeeklySchedule = z.infer<typeof appliedWeeklyScheduleSchema>;

export const toWeeklyScheduleJson = ({ schedule, rules }: StoredSchedule): WeeklySchedule => ({
  locationId: schedule.locationId,
  from: schedule.validFrom,
  until: schedule.validUntil,
  rules,
});
