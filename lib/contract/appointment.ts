// API.md "Appointment", instants in the location's timezone.
import { z } from "zod";
import type { AppointmentView } from "@/db/queries/appointments";
import { APPOINTMENT_STATUSES } from "@/db/schema/appointments";
import { formatInstant } from "@/lib/time/zoned";
import { brief, instant } from "./common";

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
export type Appointment = z.infer<typeof appointmentSchema>;
export type AppointmentStatus = Appointment["status"];

export function toAppointmentJson(row: AppointmentView): Appointment {
  const a = row.appointment;
  const at = (d: Date) => formatInstant(d, row.timezone);
  const { userId: _userId, ...client } = row.client;
  return {
    id: a.id,
    status: a.status,
    start: at(a.startAt),
    end: at(a.endAt),
    worker: row.worker,
    location: { id: row.location.id, slug: row.location.slug, name: row.location.name },
    service: row.service,
    client,
    price: a.price,
    currency: a.currency,
    notes: a.notes,
    createdAt: at(a.createdAt),
    createdBy: a.createdBy,
    cancelledAt: a.cancelledAt ? at(a.cancelledAt) : null,
  };
}
