// Client records: the people appointments are booked for. A record is made by the desk (possibly
// before the person ever registers) or for a registered user; `user_id` is unique, so one user has
// at most one record. These functions read and write rows, taking a database or transaction handle
// and plain values; the decisions (when a record is erased rather than deleted, what linking one to
// an account merges) are lib/people's.
import { and, asc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { appointments, type Client, clients, type NewClient } from "../schema/appointments";
import { matchesAllWords } from "../search";
import { statement, statementFamily } from "../statements";

/** What a new record may be given: a name, and the details left out are null. */
export type ClientValues = Pick<NewClient, "name"> &
  Partial<Pick<NewClient, "phone" | "email" | "gender" | "birthDate" | "notes">>;

/** A new client record, not linked to any account. */
export async function createClient(db: Executor, input: ClientValues): Promise<Client> {
  const [row] = await db
    .insert(clients)
    .values({
      name: input.name,
      phone: input.phone ?? null,
      email: input.email ?? null,
      gender: input.gender ?? null,
      birthDate: input.birthDate ?? null,
      notes: input.notes ?? null,
    })
    .returning();
  if (!row) throw new Error("insert into clients returned no row");
  return row;
}

/** The client record with this id; an erased (deleted) record is not found. */
export async function findClientById(db: Executor, id: string): Promise<Client | undefined> {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, id), isNull(clients.erasedAt)))
    .limit(1);
  return row;
}

type LockStrength = "share" | "no key update" | "update";

const lockedClient = statementFamily("lock_client", (db, strength: LockStrength) =>
  db
    .select()
    .from(clients)
    .where(and(eq(clients.id, sql.placeholder("id")), isNull(clients.erasedAt)))
    .limit(1)
    .for(strength),
);

/**
 * The client record, held until the transaction ends so a concurrent delete waits for it (and one
 * that went first is seen: an erased or deleted record is not found). Booking for a client takes it
 * "share"; changing the record takes "no key update"; deleting it takes "update".
 */
export async function lockClient(
  db: Executor,
  id: string,
  strength: LockStrength = "share",
): Promise<Client | undefined> {
  const [row] = await lockedClient(strength)(db, { id });
  return row;
}

const clientOfUser = statement("find_client_of_user", (db) =>
  db
    .select()
    .from(clients)
    .where(eq(clients.userId, sql.placeholder("userId")))
    .limit(1),
);

/** The client record linked to the user, if there is one. */
export async function findClientOfUser(db: Executor, userId: string): Promise<Client | undefined> {
  const [row] = await clientOfUser(db, { userId });
  return row;
}

type Account = { id: string; name: string; email: string; phone: string | null };

/**
 * Makes the client record of a user who has none yet, from the account. A record the desk made
 * with the same email is never taken over here: emails are not verified, so whoever registers with
 * an address would see that record's appointments, phone and notes. Staff link the two explicitly
 * (lib/people/link-user.ts). The caller must hold the user's row (a new user inside its inserting
 * transaction, or lib/people/client-of-user.ts's lock), so two calls for one user cannot race.
 */
export async function createClientOfUser(db: Executor, user: Account): Promise<Client> {
  // The unique user_id is the last word: should a record appear meanwhile, it is read, not duplicated.
  const [created] = await db
    .insert(clients)
    .values({ name: user.name, email: user.email, phone: user.phone, userId: user.id })
    .onConflictDoNothing({ target: clients.userId })
    .returning();
  return created ?? (await existingClientOfUser(db, user.id));
}

async function existingClientOfUser(db: Executor, userId: string): Promise<Client> {
  const row = await findClientOfUser(db, userId);
  if (!row) throw new Error(`client record of user ${userId} vanished`);
  return row;
}

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
