// Creating, changing and deleting single shifts. Each runs in one transaction that holds the shift
// row FOR UPDATE, so a booking (which holds it FOR SHARE) either finished before and is seen here,
// or waits and then finds the shift changed.
import { eq } from "drizzle-orm";
import { settleOrphans } from "@/lib/booking/orphans";
import { notFound, validationFailed } from "@/lib/errors";
import { shiftIntervalIssue } from "@/lib/validation/schedules";
import type { Db } from "../client";
import type { Location } from "../schema/catalog";
import { shifts } from "../schema/schedules";
import { recordAudit } from "./audit";
import { appointmentsOutsideShifts } from "./orphaned-appointments";
import {
  findShift,
  findShiftConflicts,
  guardShiftWrite,
  type ShiftCandidate,
  shiftConflictError,
  toShiftJson,
  type ZonedShift,
} from "./shifts";

type Actor = { actorId: string };

async function refuseConflicts(db: Parameters<typeof findShiftConflicts>[0], candidate: ShiftCandidate) {
  const conflicts = await findShiftConflicts(db, candidate);
  if (conflicts.length > 0) throw shiftConflictError(conflicts);
}

export async function createShift(
  db: Db,
  input: { workerId: string; location: Location; start: Date; end: Date },
  { actorId }: Actor,
): Promise<ZonedShift> {
  const { workerId, location, start, end } = input;
  const candidate = { workerId, locationId: location.id, start, end };
  await refuseConflicts(db, candidate);
  return guardShiftWrite(
    db,
    () => candidate,
    () =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(shifts)
          .values({ workerId, locationId: location.id, startAt: start, endAt: end })
          .returning();
        if (!row) throw new Error("insert into shifts returned no row");
        const shift = { ...row, timezone: location.timezone };
        await recordAudit(tx, {
          actorId,
          action: "shift.create",
          entity: "shift",
          entityId: row.id,
          after: toShiftJson(shift),
        });
        return shift;
      }),
  );
}

export type ShiftChange = { location?: Location; start?: Date; end?: Date; cancelAppointments: boolean };

/**
 * Moves or resizes a shift. A changed shift is no longer the weekly schedule's: it becomes a manual
 * shift, which re-applying the schedule never overwrites. Appointments it no longer covers answer
 * 409 has_appointments, or are cancelled with `cancelAppointments`.
 */
export async function updateShift(db: Db, id: string, change: ShiftChange, { actorId }: Actor): Promise<ZonedShift> {
  let candidate: ShiftCandidate | undefined;
  return guardShiftWrite(
    db,
    () => candidate,
    () =>
      db.transaction(async (tx) => {
        const before = await findShift(tx, id, true);
        if (!before) throw notFound("Shift");
        const after: ZonedShift = {
          ...before,
          locationId: change.location?.id ?? before.locationId,
          timezone: change.location?.timezone ?? before.timezone,
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
        await refuseConflicts(tx, candidate);
        await tx
          .update(shifts)
          .set({ locationId: after.locationId, startAt: after.startAt, endAt: after.endAt, weeklyScheduleId: null })
          .where(eq(shifts.id, id));
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
}

export async function deleteShift(db: Db, id: string, options: { cancelAppointments: boolean } & Actor) {
  await db.transaction(async (tx) => {
    const before = await findShift(tx, id, true);
    if (!before) throw notFound("Shift");
    await tx.delete(shifts).where(eq(shifts.id, id));
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
