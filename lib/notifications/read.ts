// Reading messages as a caller may: an appointment's (whoever may see the appointment: its client,
// staff; anyone else's id answers 404 like a missing one) and the outbox (managers).
import { getDb } from "@/db/client";
import { listAppointmentNotifications, listNotificationsByStatus } from "@/db/queries/notifications";
import type { Notification } from "@/db/schema/notifications";
import type { Caller } from "@/lib/auth/roles";
import { visibleAppointment } from "@/lib/booking/read";

/** The appointment's messages, oldest first; 404 when the caller may not see the appointment. */
export async function appointmentNotifications(caller: Caller, appointmentId: string): Promise<Notification[]> {
  // The worker's linked user reads them too once that role can read the appointment (visibleAppointment).
  await visibleAppointment(caller, appointmentId);
  return listAppointmentNotifications(await getDb(), appointmentId);
}

/** What was kept instead of sent (no SMTP_URL), newest first. */
export async function outboxMessages(page: { limit: number; offset: number }): Promise<Notification[]> {
  return listNotificationsByStatus(await getDb(), ["outbox"], page);
}
