// The desk's client records (API.md "Clients", admin+): find, create and change them, and the
// account a record is linked to or may be. Deleting is delete-client.ts; linking, link-user.ts.
import { getDb } from "@/db/client";
import {
  listClients as clientRows,
  createClient,
  findClientById,
  lockClient,
  updateClientRow,
} from "@/db/queries/clients";
import { isUuid } from "@/db/queries/refs";
import { findUserByEmail, findUserById } from "@/db/queries/users";
import type { Client, User } from "@/db/schema";
import { toClientJson } from "@/lib/contract/client";
import { notFound } from "@/lib/errors";
import type { ClientCreate, ClientListQuery, ClientPatch } from "@/lib/validation/clients";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

/**
 * A page of client records by name. `q` finds records whose name, email and phone together contain
 * every word of it, in any case and script (db/search.ts), or whose phone has its digits.
 */
export async function listClients(query: ClientListQuery): Promise<Client[]> {
  return clientRows(await getDb(), query);
}

/** The client record with this id; undefined for an erased record or an id that is not a UUID. */
export async function findClient(id: string): Promise<Client | undefined> {
  return isUuid(id) ? findClientById(await getDb(), id) : undefined;
}

/** The client record with this id; 404 when there is none. */
export async function getClient(id: string): Promise<Client> {
  const row = await findClientById(await getDb(), id);
  if (!row) throw notFound("Client");
  return row;
}

/** A new client record, not linked to any account; told to the webhooks in the same transaction. */
export async function createClientRecord(body: ClientCreate): Promise<Client> {
  return (await getDb()).transaction(async (tx) => {
    const client = await createClient(tx, body);
    await emitWebhookEvent(tx, "client.created", toClientJson(client));
    return client;
  });
}

/** Changes the fields given; 404 when there is no such record. */
export async function updateClientRecord(id: string, patch: ClientPatch): Promise<Client> {
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const before = await lockClient(tx, id, "no key update");
    if (!before || Object.keys(patch).length === 0) return before;
    return updateClientRow(tx, id, patch);
  });
  if (!row) throw notFound("Client");
  return row;
}

/**
 * The account a record is linked to, or else the registered one with its email that the desk may
 * link: only once that account verified the address (anyone may register with any address).
 */
export async function accountOfClient(
  client: Pick<Client, "email" | "userId">,
): Promise<{ linked?: User; candidate?: User }> {
  if (client.userId) return { linked: await findUserById(client.userId) };
  const sameEmail = client.email ? await findUserByEmail(client.email) : undefined;
  return { candidate: sameEmail?.emailVerifiedAt ? sameEmail : undefined };
}
