// GET /appointments/{id}/ics: the client's calendar file of an appointment (./ics.ts) with the
// location's address, the business's contacts, the appointment's page as its link (the caller is
// signed in: the page opens for them) and the business's first reminder as its alarm.
import type { AppointmentRow } from "@/db/queries/appointments";
import { getBusiness } from "@/lib/business/profile";
import { findLocation } from "@/lib/catalog/locations";
import { appointmentLink } from "@/lib/notifications/links";
import { appointmentCalendar, calendarResponse } from "./ics";

export async function clientCalendar(row: AppointmentRow): Promise<Response> {
  const [business, location] = await Promise.all([getBusiness(), findLocation(row.appointment.locationId)]);
  const body = appointmentCalendar(row, {
    business,
    address: location?.address ?? null,
    link: appointmentLink(row.appointment.id),
  });
  return calendarResponse(body, `appointment-${row.appointment.id}.ics`);
}
