// The response shapes of API.md "Resources", for the OpenAPI description. Handlers build these
// with the to*Json functions in db/queries/; the spec test checks real answers against them.
import { z } from "zod";
import { APPOINTMENT_STATUSES } from "@/db/schema/appointments";
import { LOCATION_KINDS } from "@/db/schema/catalog";
import { GENDERS } from "@/db/schema/columns";
import { ROLES } from "@/db/schema/users";
import { ERROR_CODES } from "@/lib/errors";

const instant = z.string().describe("RFC 3339 instant with the offset of the location's timezone.");
const day = z.string().describe("Calendar day YYYY-MM-DD in the location's timezone.");
const interval = z.object({ start: instant, end: instant });
const brief = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe("Human readable; never a stack trace or SQL."),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const locationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(LOCATION_KINDS),
    address: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    timezone: z.string().describe("IANA time zone, e.g. Europe/Moscow."),
    description: z.string().nullable(),
  })
  .meta({ id: "Location" });

export const specialtySchema = brief.meta({ id: "Specialty" });

export const serviceSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    durationMinutes: z.number().int(),
    price: z.number().describe("Major units, e.g. 1500.5."),
    currency: z.string().describe("ISO 4217."),
    imageUrl: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: "Service" });

export const workerSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    bio: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    active: z.boolean(),
    specialty: specialtySchema.nullable(),
    location: locationSchema.nullable(),
    services: z.array(serviceSchema),
    slotStepMinutes: z.number().int().nullable(),
    bookingHorizonDays: z.number().int(),
  })
  .meta({ id: "Worker" });

export const shiftSchema = z
  .object({ id: z.uuid(), workerId: z.uuid(), locationId: z.uuid(), start: instant, end: instant })
  .meta({ id: "Shift" });

export const timeOffSchema = z
  .object({
    id: z.uuid(),
    workerId: z.uuid(),
    start: instant,
    end: instant,
    reason: z.string().nullable(),
  })
  .meta({ id: "TimeOff" });

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    gender: z.enum(GENDERS).nullable(),
    birthDate: z.string().nullable(),
    phone: z.string().nullable(),
    blocked: z.boolean(),
  })
  .meta({ id: "User" });

export const clientSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    gender: z.enum(GENDERS).nullable(),
    birthDate: day.nullable().describe("YYYY-MM-DD."),
    notes: z.string().nullable(),
    userId: z.uuid().nullable().describe("The client's own account, when they registered."),
  })
  .meta({ id: "Client" });

export const appointmentSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(APPOINTMENT_STATUSES),
    start: instant,
    end: instant,
    worker: brief.nullable().describe("Null for a room booked directly."),
    location: brief,
    service: brief.nullable().describe("Null for a room booked without a service."),
    client: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
    price: z.number().describe("Major units, copied from the service when booked."),
    currency: z.string().describe("ISO 4217, copied from the service (an extension of API.md)."),
    notes: z.string().nullable(),
    createdAt: instant,
    createdBy: z.uuid().nullable().describe("The user who booked; null once that account is gone."),
    cancelledAt: instant.nullable(),
  })
  .meta({ id: "Appointment" });

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().describe("RFC 3339 instant in UTC."),
    actor: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    action: z.string().describe("What happened, e.g. appointment.cancel, user.block, client.erase."),
    entity: z.string().describe("The kind of record: user, client, appointment, shift, worker, …"),
    entityId: z.string(),
    before: z
      .unknown()
      .describe("The record's fields before the change (null when created); never personal data of an erased client."),
    after: z.unknown().describe("The record's fields after the change (null when deleted)."),
  })
  .meta({ id: "AuditEntry" });

export const dayCountsSchema = z.object({
  items: z.array(z.object({ day, count: z.number().int() })).describe("Every day of the range, in order, zero or not."),
});

export const calendarTokenSchema = z.object({
  token: z.string().describe("The feed's secret."),
  path: z.string().describe("The feed URL to subscribe to, relative to the app's origin, token included."),
});

export const tokenSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().describe("Seconds."),
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(ROLES) }),
});

const weeklyRule = z.object({ weekday: z.number().int().min(1).max(7), start: z.string(), end: z.string() });

export const weeklyScheduleSchema = z.object({
  locationId: z.uuid(),
  from: day,
  until: day.nullable(),
  rules: z.array(weeklyRule),
});

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

export const workerDaySchema = z.object({
  date: day,
  timezone: z.string(),
  shifts: z.array(interval.extend({ location: brief })),
  timeOff: z.array(interval),
  busy: z.array(interval).describe("Merged booked time; never says who booked."),
});

export const locationDaySchema = z.object({
  date: day,
  timezone: z.string(),
  shifts: z.array(interval.extend({ worker: brief })),
  busy: z.array(interval),
});

export const slotsSchema = z.object({ timezone: z.string(), slots: z.array(interval) });

export const availabilitySchema = z.object({
  items: z.array(z.object({ worker: workerSchema, timezone: z.string(), slots: z.array(interval) })),
});

export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
