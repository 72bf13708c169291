// DELETE /shifts/{id}: in one transaction that holds the shift row FOR UPDATE (see update-shift.ts).
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { appointmentsOutsideShifts } from "@/db/queries/orphaned-appointments";
import { deleteShifts, findShift } from "@/db/queries/shifts";
import { settleOrphans } from "@/lib/booking/orphans";
import { toShiftJson } from "@/lib/contract";
import { notFound } from "@/lib/errors";

/**
 * Deletes a shift; 404 when there is none. Appointments it leaves outside every shift of the worker
 * answer 409 has_appointments, or are cancelled with `cancelAppointments`.
 */
export async function deleteShift(id: string, options: { cancelAppointments: boolean; actorId: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await findShift(tx, id, true);
    if (!before) throw notFound("Shift");
    await deleteShifts(tx, [id]);
    const orphans = await appointmentsOutsideShifts(tx, before.workerId, before.startAt, before.endAt);
    await settleOrphans(tx, orphans, {
      cancel: options.cancelAppointments,
      actorId: options.actorId,
      action: "shift.delete",
    });
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "shift.delete",
      entity: "shift",
      entityId: id,
      before: toShiftJson(before),
    });
  });
}
