// DELETE /time-off/{id}.
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { deleteTimeOffRow } from "@/db/queries/time-off";
import type { Caller } from "@/lib/auth/roles";
import { toTimeOffJson } from "@/lib/contract";
import { notFound } from "@/lib/errors";
import { requireTimeOffWriter } from "./time-off-access";

/**
 * Deletes time off, with an audit row; 404 when there is none with that id, 403 (and nothing
 * deleted) when it is another worker's and the caller is no manager.
 */
export async function deleteTimeOff(id: string, caller: Caller): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await deleteTimeOffRow(tx, id);
    if (!row) throw notFound("Time off");
    await requireTimeOffWriter(tx, caller, row.workerId);
    await recordAudit(tx, {
      actorId: caller.id,
      action: "time_off.delete",
      entity: "time_off",
      entityId: id,
      before: toTimeOffJson(row, "UTC"),
    });
  });
}
