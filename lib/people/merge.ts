// Two client records that are one person become one (POST /clients/{id}/merge, and the account's own
// record folded into the desk's when linking, link-user.ts): absorbClientRecord is the one place that
// knows what references a client record, so nothing is lost whichever way a merge comes.
import { type Executor, getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { moveClientWaitlistEntries, overlappingAppointments } from "@/db/queries/client-card";
import { deleteClientRow, lockClient, moveClientAppointments, updateClientRow } from "@/db/queries/clients";
import type { Client } from "@/db/schema";
import { AppError, clientBusy, notFound, validationFailed } from "@/lib/errors";

type NotedField = "name" | "email" | "phone" | "gender" | "birthDate";
/** The details whose differing value the absorbed record had is written into the notes. */
const NOTED_FIELDS: readonly NotedField[] = ["email", "phone", "gender", "birthDate"];

/**
 * The notes of the merged record: both records' notes, and any contact or detail of the absorbed
 * record that differs from the kept one's own (which wins), so nothing the absorbed record held is lost.
 */
function mergedNotes(kept: Client, absorbed: Client, noted: readonly NotedField[]): string | null {
  const differing = noted.filter(
    (field) => absorbed[field] !== null && kept[field] !== null && absorbed[field] !== kept[field],
  );
  const parts = [
    kept.notes,
    absorbed.notes === kept.notes ? null : absorbed.notes,
    ...differing.map((f) => `${f}: ${absorbed[f]}`),
  ];
  const text = parts.filter(Boolean).join("\n\n");
  return text === "" ? null : text;
}

export type Absorbed = { client: Client; movedAppointmentIds: string[]; movedWaitlistEntryIds: string[] };

/**
 * Folds record `absorbed` into record `kept`, both locked "update" by the caller's transaction: the
 * appointments and waitlist entries move over (their notifications and manage links go with them, as
 * those hang on the appointment or entry; an active entry both hold stays only as `kept`'s, the
 * other marked removed), `kept` takes the fields it lacks (and the account link, if only `absorbed` had one),
 * the notes of both are kept, and `absorbed` is deleted (a guest-email row naming it goes with it:
 * a guest's unverified email never opens a desk record). 409 client_busy, listing the pairs, when
 * booked appointments of the two overlap, which the client's no-overlap constraint would refuse;
 * 409 already_exists when both are linked to different accounts.
 */
export async function absorbClientRecord(
  tx: Executor,
  kept: Client,
  absorbed: Client,
  noted: readonly NotedField[] = NOTED_FIELDS,
): Promise<Absorbed> {
  if (kept.userId && absorbed.userId && kept.userId !== absorbed.userId) throw bothLinked();
  const clashes = await overlappingAppointments(tx, absorbed.id, kept.id);
  if (clashes.length > 0) throw clientBusy(clashes);
  const movedAppointmentIds = await moveClientAppointments(tx, absorbed.id, kept.id);
  const movedWaitlistEntryIds = await moveClientWaitlistEntries(tx, absorbed.id, kept.id);
  // Gone before the account link moves over, as user_id is unique.
  await deleteClientRow(tx, absorbed.id);
  const client = await updateClientRow(tx, kept.id, {
    userId: kept.userId ?? absorbed.userId,
    email: kept.email ?? absorbed.email,
    phone: kept.phone ?? absorbed.phone,
    gender: kept.gender ?? absorbed.gender,
    birthDate: kept.birthDate ?? absorbed.birthDate,
    notes: mergedNotes(kept, absorbed, noted),
  });
  if (!client) throw new Error(`client record ${kept.id} vanished while locked`);
  return { client, movedAppointmentIds, movedWaitlistEntryIds };
}

const bothLinked = () =>
  new AppError(
    "already_exists",
    409,
    "Both client records are linked to different accounts; one person has one account, so they cannot be merged.",
    { field: "userId" },
  );

/**
 * Merges record `fromId` into record `intoId` in one transaction (see absorbClientRecord), with an
 * audit row of ids only. Both rows are locked in id order, so two merges of one pair cannot deadlock
 * and a booking for either waits. 404 for an unknown or erased record; 400 when the two are one.
 */
export async function mergeClients(fromId: string, intoId: string, actorId: string): Promise<Client> {
  if (fromId === intoId) throw validationFailed("intoId", "A client record cannot be merged into itself.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = new Map<string, Client | undefined>();
    for (const id of [fromId, intoId].sort()) locked.set(id, await lockClient(tx, id, "update"));
    const from = locked.get(fromId);
    const into = locked.get(intoId);
    if (!from || !into) throw notFound("Client");
    // Two desk records of one person may carry two spellings of the name: the other one is noted too.
    const { client, movedAppointmentIds, movedWaitlistEntryIds } = await absorbClientRecord(tx, into, from, [
      "name",
      ...NOTED_FIELDS,
    ]);
    // Ids only: personal data in the audit row would outlive an erasure of the record.
    await recordAudit(tx, {
      actorId,
      action: "client.merge",
      entity: "client",
      entityId: into.id,
      before: { mergedClientId: from.id, userId: into.userId, mergedUserId: from.userId },
      after: { userId: client.userId, movedAppointmentIds, movedWaitlistEntryIds },
    });
    return client;
  });
}
