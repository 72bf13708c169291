import { z } from "zod";
import { APPOINTMENT_STATUSES } from "@/db/schema/appointments";
import { clientInlineSchema } from "./clients";
import {
  dateOrInstantSchema,
  instantSchema,
  isoDateSchema,
  lineSchema,
  pageQuerySchema,
  refSchema,
  textSchema,
} from "./common";

const HOUR = 3_600_000;
/** The longest appointment anyone may book: a whole local day, with room for a DST change. */
export const MAX_APPOINTMENT_HOURS = 25;

const notesSchema = textSchema().trim().max(2000).nullish();

const checkOrder = (v: { start?: unknown; end?: unknown }, ctx: z.RefinementCtx) => {
  if (!(v.start instanceof Date) || !(v.end instanceof Date)) return;
  if (v.end <= v.start) ctx.addIssue({ code: "custom", path: ["end"], message: "The end must be after the start." });
  else if (v.end.getTime() - v.start.getTime() > MAX_APPOINTMENT_HOURS * HOUR) {
    ctx.addIssue({
      code: "custom",
      path: ["end"],
      message: `An appointment may be at most ${MAX_APPOINTMENT_HOURS} hours long.`,
    });
  }
};

/** `overrideBuffers` of POST and PATCH /appointments (staff only; API.md v1 extensions "Service buffers"). */
const overrideBuffersSchema = z
  .boolean()
  .optional()
  .describe(
    "Staff only (a client's is refused with 403): true books into the service's buffers, or next to another appointment's, on purpose, after a 409 whose details carry `buffer: true`. The appointment then holds the worker and the location for its own interval only, a neighbour's buffer that it cuts into is shortened to end (or start) at it, and the audit row records the override (`bufferOverride`).",
  );

/** `workerId: "any"` of POST /appointments (API.md v1 extensions "Finding a time and booking"). */
export const ANY_WORKER = "any";

/** POST /appointments (API.md "Appointments"). Which fields a role may use is decided by the rules. */
export const appointmentCreateSchema = z
  .object({
    workerId: z
      .union([z.literal(ANY_WORKER), refSchema])
      .optional()
      .describe(
        'The worker\'s id or slug; "any": the server picks a free worker who performs the service (the one with the fewest booked minutes that day); absent for a room booked directly.',
      ),
    serviceId: refSchema.optional().describe("The service's id or slug; required with a worker."),
    locationId: refSchema.optional().describe("The location's id or slug; required for a room."),
    start: instantSchema,
    end: instantSchema.optional().describe("Defaults to start + the service's duration."),
    clientId: z.uuid({ message: "Not a valid id." }).optional(),
    client: clientInlineSchema.optional().describe("A new client, created with the booking (staff only)."),
    notes: notesSchema,
    overrideBuffers: overrideBuffersSchema,
  })
  .superRefine(checkOrder)
  .superRefine((v, ctx) => {
    if (v.clientId && v.client) {
      ctx.addIssue({ code: "custom", path: ["client"], message: "Give clientId or client, not both." });
    }
    if (!v.workerId && !v.locationId) {
      ctx.addIssue({ code: "custom", path: ["workerId"], message: "Give a workerId, or the locationId of a room." });
    }
    if (v.workerId && !v.serviceId) {
      const message =
        v.workerId === ANY_WORKER
          ? 'Give the service to book with "any" worker.'
          : "Give the service to book with this worker.";
      ctx.addIssue({ code: "custom", path: ["serviceId"], message });
    }
    if (!v.serviceId && !v.end) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "Give an end when no service gives the duration." });
    }
  });
export type AppointmentCreate = z.infer<typeof appointmentCreateSchema>;

/** Statuses staff may set by PATCH; `cancelled` goes through POST /appointments/{id}/cancel. */
export const PATCHABLE_STATUSES = ["booked", "completed", "no_show"] as const;

/** PATCH /appointments/{id}: reschedule (start, end, workerId), or set status/notes. */
export const appointmentPatchSchema = z
  .object({
    start: instantSchema.optional(),
    end: instantSchema.optional(),
    workerId: refSchema.optional(),
    status: z.enum(PATCHABLE_STATUSES).optional(),
    notes: notesSchema,
    overrideBuffers: overrideBuffersSchema,
  })
  .superRefine(checkOrder)
  .superRefine((v, ctx) => {
    if (v.overrideBuffers && v.start === undefined && v.end === undefined && v.workerId === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["overrideBuffers"],
        message: "Only a move (start, end or workerId) books into buffers.",
      });
    }
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), {
    message: "Give at least one of start, end, workerId, status, notes.",
  });
export type AppointmentPatch = z.infer<typeof appointmentPatchSchema>;

/** A list bound: an instant, or a date read in each appointment's location's timezone. */
const boundSchema = dateOrInstantSchema;

export const appointmentListQuerySchema = pageQuerySchema.extend({
  date: isoDateSchema.optional().describe("One local day, in the timezone of each appointment's location."),
  from: boundSchema.optional(),
  to: boundSchema.optional().describe("Exclusive for an instant; a date includes that day."),
  workerId: refSchema.optional(),
  locationId: refSchema.optional(),
  clientId: z.uuid({ message: "Not a valid id." }).optional(),
  status: z.enum(APPOINTMENT_STATUSES).optional(),
});
export type AppointmentListQuery = z.infer<typeof appointmentListQuerySchema>;

/** `Idempotency-Key`: any printable ASCII up to 255 characters (a UUID is the usual choice). */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, { message: "Use printable ASCII without spaces, at most 255 characters." });

export const calendarFeedQuerySchema = z.object({ token: lineSchema().max(200).optional() });
