// POST /workers/{ref}/time-off: adds time off in one transaction, settling the booked appointments
// it would lay over.
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { bookedAppointmentsDuring } from "@/db/queries/orphaned-appointments";
import { insertTimeOff, lockShiftsDuring } from "@/db/queries/time-off";
import type { Caller } from "@/lib/auth/roles";
import { settleOrphans } from "@/lib/booking/orphans";
import { type TimeOff, toTimeOffJson } from "@/lib/contract";
import { forbidden } from "@/lib/errors";
import { findWorkerOr404 } from "./refs";
import { mayCancelWithTimeOff, requireTimeOffWriter } from "./time-off-access";

export type TimeOffInput = {
  start: Date;
  end: Date;
  reason?: string | null;
  cancelAppointments: boolean;
};

/**
 * Adds time off to the worker `workerRef` names (a manager, or that worker's own account); answers
 * `TimeOff` in the worker's zone. Booked
 * appointments of the worker in that time answer 409 has_appointments, or are cancelled with
 * `cancelAppointments`. The worker's shifts in that time are held FOR UPDATE first: a booking holds
 * its shift FOR SHARE while it checks time off, so it either committed before the check below sees
 * it, or it waits and then sees this time off.
 */
export async function addTimeOff(workerRef: string, input: TimeOffInput, caller: Caller): Promise<TimeOff> {
  const db = await getDb();
  const worker = await findWorkerOr404(db, workerRef);
  await requireTimeOffWriter(db, caller, worker.id);
  const { start, end, cancelAppointments } = input;
  // A worker's time off never cancels their clients' appointments: that is the booking desk's call.
  if (cancelAppointments && !mayCancelWithTimeOff(caller)) {
    throw forbidden("Only a manager cancels appointments with time off; move or cancel them first.");
  }
  const actorId = caller.id;
  const row = await db.transaction(async (tx) => {
    await lockShiftsDuring(tx, worker.id, start, end);
    const booked = await bookedAppointmentsDuring(tx, worker.id, start, end);
    await settleOrphans(tx, booked, { cancel: cancelAppointments, actorId, action: "time_off.create" });
    const row = await insertTimeOff(tx, {
      workerId: worker.id,
      startAt: start,
      endAt: end,
      reason: input.reason ?? null,
    });
    await recordAudit(tx, {
      actorId,
      action: "time_off.create",
      entity: "time_off",
      entityId: row.id,
      after: toTimeOffJson(row, worker.timezone),
    });
    return row;
  });
  return toTimeOffJson(row, worker.timezone);
}
