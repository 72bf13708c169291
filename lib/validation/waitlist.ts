// Request schemas of /waitlist (API.md v1 extensions "Finding a time and booking").
import { z } from "zod";
import { WAITLIST_STATUSES } from "@/db/schema/waitlist";
import { clientInlineSchema } from "./clients";
import { isoDateSchema, pageQuerySchema, refSchema, uuidSchema } from "./common";

const clock = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const clockOrMidnight = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

export const waitlistCreateSchema = z
  .object({
    workerId: refSchema
      .optional()
      .describe("The worker (id or slug); without it, any worker who performs the service."),
    serviceId: refSchema.describe("The service (id or slug)."),
    date: isoDateSchema.describe("The day, in the worker's time zone (the business's for any worker)."),
    from: z
      .string()
      .regex(clock, { message: "Use a wall time HH:MM from 00:00 to 23:59." })
      .optional()
      .describe("Earliest start wanted, local HH:MM; default the start of the day."),
    to: z
      .string()
      .regex(clockOrMidnight, { message: "Use a wall time HH:MM from 00:01 to 24:00." })
      .optional()
      .describe("Latest end wanted, local HH:MM (24:00 is the end of the day); default the end of the day."),
    clientId: uuidSchema.optional().describe("Staff only: the client record to put on the list (default: your own)."),
    client: clientInlineSchema
      .optional()
      .describe(
        "Without credentials only (a guest): who is waiting; `email` is required there (the confirmation with the leave link and the news of a free time go to it). Signed in, this field is refused with 400.",
      ),
  })
  // Only once both times are well-formed ("HH:MM" strings then compare in time order).
  .refine((v) => !v.from || !v.to || !clock.test(v.from) || !clockOrMidnight.test(v.to) || v.to > v.from, {
    path: ["to"],
    message: "The end must be after the start.",
  });
export type WaitlistCreate = z.infer<typeof waitlistCreateSchema>;

export const waitlistQuerySchema = pageQuerySchema.extend({
  date: isoDateSchema.optional().describe("Only entries for this day."),
  workerId: refSchema.optional().describe("Only entries for this worker (id or slug)."),
  serviceId: refSchema.optional().describe("Only entries for this service (id or slug)."),
  status: z
    .enum(WAITLIST_STATUSES)
    .optional()
    .describe("Only entries in this status; default the active ones (waiting and notified)."),
});
export type WaitlistQuery = z.infer<typeof waitlistQuerySchema>;

export const waitlistParamsSchema = z.object({ id: uuidSchema });
