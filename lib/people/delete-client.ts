// Deleting a client record (DELETE /clients/{id}, admin+). A record that appointments still
// reference is erased instead of deleted, since appointment rows are kept.
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { hasAnyAppointment } from "@/db/queries/catalog-shared";
import { deleteClientRow, eraseClientRow, lockClient } from "@/db/queries/clients";
import { appointments } from "@/db/schema";
import { refuseIfBookedAhead } from "@/lib/catalog/booked-ahead";
import { notFound } from "@/lib/errors";

/** What deleting did: removed the row, or erased the person from a row appointments still need. */
export type ClientRemoval = "deleted" | "erased";

/**
 * Deletes a client record: 409 has_appointments (with the list) while they have booked appointments
 * that have not ended. A record that past or cancelled appointments reference is erased instead: the
 * name, contacts, birth date and notes are wiped, the account link is dropped and the row is hidden
 * from the API, so history keeps its appointments without keeping the person. 404 when there is no
 * such record. The row lock makes a concurrent booking for the client wait, then see it gone.
 */
export async function deleteClientRecord(id: string, actorId: string): Promise<ClientRemoval> {
  const db = await getDb();
  const removal = await db.transaction(async (tx) => {
    const before = await lockClient(tx, id, "update");
    if (!before) return undefined;
    await refuseIfBookedAhead(tx, appointments.clientId, id, "client");
    const removal: ClientRemoval = (await hasAnyAppointment(tx, appointments.clientId, id)) ? "erased" : "deleted";
    if (removal === "erased") await eraseClientRow(tx, id);
    else await deleteClientRow(tx, id);
    // No personal data in the audit row: it would outlive the erasure.
    await recordAudit(tx, {
      actorId,
      action: `client.${removal === "erased" ? "erase" : "delete"}`,
      entity: "client",
      entityId: id,
      before: { userId: before.userId },
    });
    return removal;
  });
  if (!removal) throw notFound("Client");
  return removal;
}
