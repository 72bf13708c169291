// The desk's side of client records (API.md "Clients", admin+): find, change and delete. A record
// that appointments still reference is erased instead of deleted, since appointment rows are kept.
import { and, asc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { ClientListQuery, ClientPatch } from "@/lib/validation/clients";
import { type Executor, getDb } from "../client";
import { appointments, type Client, clients } from "../schema/appointments";
import { matchesAllWords } from "../search";
import { recordAudit } from "./audit";
import { hasAnyAppointment, refuseIfBookedAhead } from "./catalog-shared";
import { lockClient } from "./clients";

// A query made only of phone characters is also matched digit for digit against the phone with its
// spaces, dashes and brackets left out, so "900-123-4567" finds "+7 (900) 123 45 67".
const PHONE_LIKE = /^[+\d\s().-]+$/;
const MIN_PHONE_DIGITS = 3;

function phoneDigitsMatch(query: string): SQL | undefined {
  if (!PHONE_LIKE.test(query)) return undefined;
  const digits = query.replace(/\D/g, "");
  if (digits.length < MIN_PHONE_DIGITS) return undefined;
  return sql`regexp_replace(coalesce(${clients.phone}, ''), '[^0-9]', '', 'g') like ${`%${digits}%`}`;
}

/**
 * A page of client records by name. `q` finds records whose name, email and phone together contain
 * every word of it, in any case and script (lib/search.ts), or whose phone has its digits.
 */
export async function listClients(query: ClientListQuery): Promise<Client[]> {
  const db = await getDb();
  const q = query.q ?? "";
  const text = sql`concat_ws(' ', ${clients.name}, ${clients.email}, ${clients.phone})`;
  return db
    .select()
    .from(clients)
    .where(and(isNull(clients.erasedAt), or(matchesAllWords(text, q), phoneDigitsMatch(q))))
    .orderBy(asc(clients.name), asc(clients.id))
    .limit(query.limit)
    .offset(query.offset);
}

/** Changes the fields given; undefined when there is no such record. */
export async function updateClient(id: string, patch: ClientPatch): Promise<Client | undefined> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockClient(tx, id, "no key update");
    if (!before || Object.keys(patch).length === 0) return before;
    const [row] = await tx.update(clients).set(patch).where(eq(clients.id, id)).returning();
    return row;
  });
}

/** What deleting did: removed the row, or erased the person from a row appointments still need. */
export type ClientRemoval = "deleted" | "erased";

/** The name an erased record keeps, so appointment lists still read sensibly. */
export const ERASED_CLIENT_NAME = "Deleted client";

/**
 * Deletes a client record: 409 has_appointments (with the list) while they have booked appointments
 * that have not ended. A record that past or cancelled appointments reference is erased instead: the
 * name, contacts, birth date and notes are wiped, the account link is dropped and the row is hidden
 * from the API, so history keeps its appointments without keeping the person. Undefined when there
 * is no such record. The row lock makes a concurrent booking for the client wait, then see it gone.
 */
export async function deleteClient(id: string, actorId: string): Promise<ClientRemoval | undefined> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockClient(tx, id, "update");
    if (!before) return undefined;
    await refuseIfBookedAhead(tx, appointments.clientId, id, "client");
    const removal: ClientRemoval = (await hasAnyAppointment(tx, appointments.clientId, id)) ? "erased" : "deleted";
    if (removal === "erased") await eraseClient(tx, id);
    else await tx.delete(clients).where(eq(clients.id, id));
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
}

async function eraseClient(tx: Executor, id: string): Promise<void> {
  await tx
    .update(clients)
    .set({
      name: ERASED_CLIENT_NAME,
      phone: null,
      email: null,
      gender: null,
      birthDate: null,
      notes: null,
      userId: null,
      erasedAt: sql`now()`,
    })
    .where(eq(clients.id, id));
}
