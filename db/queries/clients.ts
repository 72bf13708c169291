// Client records: the people appointments are booked for. A record is made by the desk (possibly
// before the person ever registers) or for a registered user; `user_id` is unique, so one user has
// at most one record. These functions take a database or transaction handle and never read a session.
import { and, eq, isNull, sql } from "drizzle-orm";
import { notFound } from "@/lib/errors";
import type { ClientCreate } from "@/lib/validation/clients";
import type { Executor } from "../client";
import { type Client, clients } from "../schema/appointments";
import { users } from "../schema/users";
import { statement, statementFamily } from "../statements";

/** A new client record, not linked to any account. */
export async function createClient(db: Executor, input: ClientCreate): Promise<Client> {
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
 * (`linkClientToUser` in client-links.ts). The caller must hold the user's row (a new user inside its
 * inserting transaction, or ensureClientOfUser's lock), so two calls for one user cannot race.
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

/**
 * The client record of a registered user, creating it on first use (a client who books
 * for the first time, an account a manager made). Takes the user's row lock, so concurrent calls for
 * one user serialize and all answer the same record. 404 when there is no such user.
 */
export async function ensureClientOfUser(db: Executor, userId: string): Promise<Client> {
  const existing = await findClientOfUser(db, userId);
  if (existing) return existing;
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, phone: users.phone })
    .from(users)
    .where(eq(users.id, userId))
    .for("no key update");
  if (!user) throw notFound("User");
  return (await findClientOfUser(db, userId)) ?? createClientOfUser(db, user);
}
