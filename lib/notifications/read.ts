// Reading messages as a caller may: an appointment's (whoever may see the appointment: its client,
// staff, the user linked to its worker; anyone else's id answers 404 like a missing one) and the outbox (managers).
import { getDb } from "@/db/client";
import {
  listAppointmentNotifications,
  listNotificationsByStatus,
  notificationContext,
} from "@/db/queries/notifications";
import type { Notification } from "@/db/schema/notifications";
import type { Caller } from "@/lib/auth/roles";
import { visibleAppointment } from "@/lib/booking/read";
import { AppError } from "@/lib/errors";

/** The appointment's messages, oldest first; 404 when the caller may not see the appointment. */
export async function appointmentNotifications(caller: Caller, appointmentId: string): Promise<Notification[]> {
  const db = await getDb();
  try {
    await visibleAppointment(caller, appointmentId);
  } catch (err) {
    // The user linked to the appointment's worker reads them too (API.md: "the worker").
    if (!(err instanceof AppError && err.status === 404)) throw err;
    const context = await notificationContext(db, appointmentId);
    if (!context?.workerUser || context.workerUser.id !== caller.id) throw err;
  }
  return listAppointmentNotifications(db, appointmentId);
}

/** What was kept instead of sent (no SMTP_URL), newest first. */
export async function outboxMessages(page: { limit: number; offset: number }): Promise<Notification[]> {
  return listNotificationsByStatus(await getDb(), ["outbox"], page);
}
