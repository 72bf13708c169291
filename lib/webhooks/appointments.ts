// The appointment events of the booking use cases, in their transactions: a PATCH may reschedule
// and set a status at once (an event for each), and a schedule change may cancel several
// appointments (their JSON read only when someone subscribes to appointment.cancelled).
import type { Executor } from "@/db/client";
import { findAppointment } from "@/db/queries/appointments";
import { listSubscribedEndpoints } from "@/db/queries/webhooks";
import { type Appointment, toAppointmentJson } from "@/lib/contract/appointment";
import { emitWebhookEvent, queueMessages } from "./emit";

/** appointment.rescheduled and/or appointment.status_changed, with the appointment as it now is. */
export async function emitAppointmentChange(
  tx: Executor,
  after: Appointment,
  change: { rescheduled: boolean; statusChanged: boolean },
): Promise<void> {
  if (change.rescheduled) await emitWebhookEvent(tx, "appointment.rescheduled", after);
  if (change.statusChanged) await emitWebhookEvent(tx, "appointment.status_changed", after);
}

/** appointment.cancelled for each of `ids`, cancelled by a schedule change in `tx`. */
export async function emitAppointmentsCancelled(tx: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const endpoints = (await listSubscribedEndpoints(tx, "appointment.cancelled")).map((e) => e.id);
  if (endpoints.length === 0) return;
  await Promise.all(
    ids.map(async (id) => {
      const view = await findAppointment(tx, id);
      if (view) await queueMessages(tx, endpoints, "appointment.cancelled", toAppointmentJson(view));
    }),
  );
}
