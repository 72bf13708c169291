// DELETE /time-off/{id}.
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { deleteTimeOffRow } from "@/db/queries/time-off";
import { toTimeOffJson } from "@/lib/contract";
import { notFound } from "@/lib/errors";

/** Deletes time off, with an audit row; 404 when there is none with that id. */
export async function deleteTimeOff(id: string, actorId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await deleteTimeOffRow(tx, id);
    if (!row) throw notFound("Time off");
    await recordAudit(tx, {
      actorId,
      action: "time_off.delete",
      entity: "time_off",
      entityId: id,
      before: toTimeOffJson(row, "UTC"),
    });
  });
}
