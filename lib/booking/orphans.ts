// Booked appointments a schedule change would orphan (a shift deleted, shortened or moved from under
// them, or time off laid over them; db/queries/orphaned-appointments.ts finds them): the change is
// refused with 409 has_appointments listing them, or, when the caller asked for it, they are
// cancelled in the change's own transaction, with an audit row each.

import type { Executor } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { cancelBookedAppointments, type ZonedAppointment } from "@/db/queries/orphaned-appointments";
import { wouldOrphanAppointments } from "@/lib/errors";
import { notifyAppointmentChange } from "@/lib/notifications/notify";
import { formatInstant } from "@/lib/time/zoned";
import { emitAppointmentsCancelled } from "@/lib/webhooks/appointments";

/** What `details.appointments` shows of each: enough to find and call about them. */
const toSummary = (a: ZonedAppointment) => ({
  id: a.id,
  status: a.status,
  start: formatInstant(a.startAt, a.timezone),
  end: formatInstant(a.endAt, a.timezone),
  workerId: a.workerId,
  locationId: a.locationId,
  serviceId: a.serviceId,
  clientId: a.clientId,
});

/**
 * Refuses with 409 has_appointments when there are orphaned appointments, unless `cancel` is set:
 * then cancels them (cancelled_at now, cancelled_by the caller) with an audit row each. `tx`: the
 * schedule change's transaction.
 */
export async function settleOrphans(
  tx: Executor,
  orphans: ZonedAppointment[],
  options: { cancel: boolean; actorId: string; action: string },
): Promise<void> {
  if (orphans.length === 0) return;
  if (!options.cancel) throw wouldOrphanAppointments(orphans.map(toSummary));
  const cancelledAt = new Date();
  const ids = await cancelBookedAppointments(
    tx,
    orphans.map((a) => a.id),
    { cancelledAt, cancelledBy: options.actorId },
  );
  await Promise.all([
    recordAudit(
      tx,
      ...ids.map((id) => ({
        actorId: options.actorId,
        action: "appointment.cancel",
        entity: "appointment",
        entityId: id,
        before: { status: "booked" },
        after: { status: "cancelled", cancelledAt, reason: options.action },
      })),
    ),
    ...orphans
      .filter((o) => ids.includes(o.id))
      .map((a) =>
        notifyAppointmentChange(tx, {
          appointmentId: a.id,
          now: cancelledAt,
          before: { ...a, status: "booked" },
          after: { ...a, status: "cancelled" },
        }),
      ),
    emitAppointmentsCancelled(tx, ids),
  ]);
}
