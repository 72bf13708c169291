// The client record of a registered user: the one a client's own booking is for, made on first
// use. A record the desk made with the same email is never taken over here: emails are not
// verified, so whoever registers with an address would see that record's appointments, phone and
// notes. Staff link the two explicitly (link-user.ts).
import type { Executor } from "@/db/client";
import { createClientOfUser, findClientOfUser } from "@/db/queries/clients";
import { lockUser } from "@/db/queries/users";
import type { Client } from "@/db/schema";
import { toClientJson } from "@/lib/contract/client";
import { notFound } from "@/lib/errors";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

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
  const found = await findClientOfUser(tx, userId);
  if (found) return found;
  const created = await createClientOfUser(tx, user);
  await emitWebhookEvent(tx, "client.created", toClientJson(created));
  return created;
}
