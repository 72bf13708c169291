// Linking a desk-made client record to a registered account, on staff's word (POST
// /clients/{id}/link-user). Registering never does it by email: emails are not verified, so the
// address alone would hand a stranger the record's appointments, phone and notes.
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { findClientOfUser, lockClient, updateClientRow } from "@/db/queries/clients";
import { lockUser } from "@/db/queries/users";
import type { Client } from "@/db/schema";
import { clientAlreadyLinked, notFound } from "@/lib/errors";
import { absorbClientRecord } from "./merge";

/**
 * Links client record `clientId` to the account `userId`. The account's own record (made when it
 * registered or first booked), if any, is merged into this one so that nothing is lost and the person
 * keeps exactly one record: its appointments move over, the fields this record lacks are taken
 * from it (its notes, and values that differ from this record's, are added to the notes), and it
 * is deleted. 404 for an unknown record or user; 409
 * already_exists when the record is already linked to an account (this one or another). The record,
 * the user's row and the user's own record are locked, so a concurrent booking or link waits.
 */
export async function linkClientToUser(clientId: string, userId: string, actorId: string): Promise<Client> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const desk = await lockClient(tx, clientId, "update");
    if (!desk) throw notFound("Client");
    if (desk.userId) throw clientAlreadyLinked();
    if (!(await lockUser(tx, userId))) throw notFound("User");

    const found = await findClientOfUser(tx, userId);
    const own = found && (await lockClient(tx, found.id, "update"));
    // The account's own record is folded in (and takes the link with it), or the link is set.
    const { client: linked, movedAppointmentIds: moved } = own
      ? await absorbClientRecord(tx, desk, own)
      : { client: await updateClientRow(tx, desk.id, { userId }), movedAppointmentIds: [] };
    if (!linked) throw new Error(`client record ${desk.id} vanished while locked`);
    // Ids only: personal data in the audit row would outlive an erasure of the record.
    await recordAudit(tx, {
      actorId,
      action: "client.link_user",
      entity: "client",
      entityId: desk.id,
      before: { userId: null, accountRecordId: own?.id ?? null },
      after: { userId, movedAppointmentIds: moved },
    });
    return linked;
  });
}
