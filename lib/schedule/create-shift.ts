// POST /workers/{ref}/shifts: one manual shift, in one transaction with its audit row.
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { insertShift } from "@/db/queries/shifts";
import { type Shift, toShiftJson } from "@/lib/contract";
import { findLocationOr404, findWorkerOr404 } from "./refs";
import { guardShiftWrite, refuseShiftConflicts } from "./shift-conflicts";

/**
 * Adds a shift of the worker `workerRef` names at `locationId` (id or slug); answers `Shift`. An
 * overlap with the worker's own shifts, or with another worker's at the same workplace, answers 409.
 */
export async function createShift(
  workerRef: string,
  input: { locationId: string; start: Date; end: Date },
  actorId: string,
): Promise<Shift> {
  const db = await getDb();
  const worker = await findWorkerOr404(db, workerRef);
  const location = await findLocationOr404(db, input.locationId);
  const { start, end } = input;
  const candidate = { workerId: worker.id, locationId: location.id, start, end };
  await refuseShiftConflicts(db, candidate);
  const shift = await guardShiftWrite(
    db,
    () => candidate,
    () =>
      db.transaction(async (tx) => {
        const row = await insertShift(tx, { workerId: worker.id, locationId: location.id, startAt: start, endAt: end });
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
  return toShiftJson(shift);
}
