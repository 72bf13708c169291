// PATCH /shifts/{id}. Like every single-shift write, it runs in one transaction that holds the shift
// row FOR UPDATE, so a booking (which holds it FOR SHARE) either finished before and is seen here,
// or waits and then finds the shift changed.
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { appointmentsOutsideShifts } from "@/db/queries/orphaned-appointments";
import { findShift, type ShiftCandidate, updateShiftRow, type ZonedShift } from "@/db/queries/shifts";
import type { Location } from "@/db/schema/catalog";
import { settleOrphans } from "@/lib/booking/orphans";
import { type Shift, toShiftJson } from "@/lib/contract";
import { notFound, validationFailed } from "@/lib/errors";
import { shiftIntervalIssue } from "@/lib/validation/schedules";
import { findLocationOr404 } from "./refs";
import { guardShiftWrite, refuseShiftConflicts } from "./shift-conflicts";

export type ShiftChange = { locationId?: string; start?: Date; end?: Date; cancelAppointments: boolean };

/**
 * Moves or resizes a shift; answers `Shift`. A changed shift is no longer the weekly schedule's: it
 * becomes a manual shift, which re-applying the schedule never overwrites. Appointments it no longer
 * covers answer 409 has_appointments, or are cancelled with `cancelAppointments`.
 */
export async function updateShift(id: string, change: ShiftChange, actorId: string): Promise<Shift> {
  const db = await getDb();
  const location: Location | undefined = change.locationId ? await findLocationOr404(db, change.locationId) : undefined;
  let candidate: ShiftCandidate | undefined;
  const shift = await guardShiftWrite(
    db,
    () => candidate,
    () =>
      db.transaction(async (tx) => {
        const before = await findShift(tx, id, true);
        if (!before) throw notFound("Shift");
        const after: ZonedShift = {
          ...before,
          locationId: location?.id ?? before.locationId,
          timezone: location?.timezone ?? before.timezone,
          startAt: change.start ?? before.startAt,
          endAt: change.end ?? before.endAt,
          weeklyScheduleId: null,
        };
        // The PATCH body is checked field by field; the interval it leaves is checked here.
        const issue = shiftIntervalIssue(after.startAt, after.endAt);
        if (issue) throw validationFailed("end", issue);
        candidate = {
          workerId: before.workerId,
          locationId: after.locationId,
          start: after.startAt,
          end: after.endAt,
          exceptId: id,
        };
        await refuseShiftConflicts(tx, candidate);
        await updateShiftRow(tx, id, {
          locationId: after.locationId,
          startAt: after.startAt,
          endAt: after.endAt,
          weeklyScheduleId: null,
        });
        const orphans = await appointmentsOutsideShifts(tx, before.workerId, before.startAt, before.endAt);
        await settleOrphans(tx, orphans, { cancel: change.cancelAppointments, actorId, action: "shift.update" });
        await recordAudit(tx, {
          actorId,
          action: "shift.update",
          entity: "shift",
          entityId: id,
          before: toShiftJson(before),
          after: toShiftJson(after),
        });
        return after;
      }),
  );
  return toShiftJson(shift);
}
