// The client record of a registered user: the one a client's own booking is for, made on first
// use. A record the desk made with the same email is never taken over here: emails are not
// verified, so whoever registers with an address would see that record's appointments, phone and
// notes. Staff link the two explicitly (link-user.ts).
import type { Executor } from "@/db/client";
import { createClientOfUser, findClientOfUser } from "@/db/queries/clients";
import { lockUser } from "@/db/queries/users";
import type { Client } from "@/db/schema";
import { notFound } from "@/lib/errors";

/**
 * The client record of a registered user, creating it on first use (a client who books
 * for the first time, an account a manager made). Takes the user's row lock, so concurrent calls for
 * one user serialize and all answer the same record. 404 when there is no such user. Runs in the
 * caller's transaction (`tx`), which keeps the lock until it ends.
 */
export async function ensureClientOfUser(tx: Executor, userId: string): Promise<Client> {
  const existing = await findClientOfUser(tx, userId);
  if (existing) return existing;
  const user = await lockUser(tx, userId);
  if (!user) throw notFound("User");
  return (await findClientOfUser(tx, userId)) ?? createClientOfUser(tx, user);
}
