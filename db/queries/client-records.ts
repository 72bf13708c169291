// Rows of client records beyond the basic reads in clients.ts: the desk's search, changes, deletion
// and erasure, and moving appointments from one record to another. The decisions (when a record is
// erased rather than deleted, what a link merges) are lib/people's.
import { and, asc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { appointments, type Client, clients, type NewClient } from "../schema/appointments";
import { matchesAllWords } from "../search";

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

export type ClientFilter = { q?: string; limit: number; offset: number };

/**
 * A page of client records by name, erased ones left out. `q` finds records whose name, email and
 * phone together contain every word of it, in any case and script (db/search.ts), or whose phone
 * has its digits.
 */
export async function listClients(db: Executor, filter: ClientFilter): Promise<Client[]> {
  const q = filter.q ?? "";
  const text = sql`concat_ws(' ', ${clients.name}, ${clients.email}, ${clients.phone})`;
  return db
    .select()
    .from(clients)
    .where(and(isNull(clients.erasedAt), or(matchesAllWords(text, q), phoneDigitsMatch(q))))
    .orderBy(asc(clients.name), asc(clients.id))
    .limit(filter.limit)
    .offset(filter.offset);
}

/** The fields of a client record that may be changed. */
export type ClientChanges = Partial<
  Pick<NewClient, "name" | "phone" | "email" | "gender" | "birthDate" | "notes" | "userId">
>;

/** Writes `changes` to the record; undefined when there is no such row. */
export async function updateClientRow(db: Executor, id: string, changes: ClientChanges): Promise<Client | undefined> {
  const [row] = await db.update(clients).set(changes).where(eq(clients.id, id)).returning();
  return row;
}

export async function deleteClientRow(db: Executor, id: string): Promise<void> {
  await db.delete(clients).where(eq(clients.id, id));
}

/** The name an erased record keeps, so appointment lists still read sensibly. */
export const ERASED_CLIENT_NAME = "Deleted client";

/**
 * Wipes the person from a record appointments still reference: name, contacts, birth date and notes
 * go, the account link is dropped, and the row is marked erased (hidden from every read here).
 */
export async function eraseClientRow(db: Executor, id: string): Promise<void> {
  await db
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

/** Moves every appointment of record `fromId` to record `toId`; the ids of those moved. */
export async function moveClientAppointments(db: Executor, fromId: string, toId: string): Promise<string[]> {
  const rows = await db
    .update(appointments)
    .set({ clientId: toId })
    .where(eq(appointments.clientId, fromId))
    .returning({ id: appointments.id });
  return rows.map((row) => row.id);
}
