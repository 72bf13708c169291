// The demo accounts and clients. Accounts that exist are left alone: someone may have changed the
// password or the role of a demo account, and a seed must not quietly undo that.
import { eq, inArray, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { clients, type Role, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_CLIENTS, DEMO_USERS } from "./data";
import { demoId } from "./plan";

/** Demo accounts that do not exist yet, hashed outside the transaction: argon2 is slow on purpose. */
export async function newDemoUsers(db: Db) {
  const emails = DEMO_USERS.map((u) => u.email);
  const existing = await db
    .select({ email: users.email })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  const taken = new Set(existing.map((u) => u.email.toLowerCase()));
  const missing = DEMO_USERS.filter((u) => !taken.has(u.email));
  return Promise.all(
    missing.map(async ({ email, name, role, password }) => ({
      id: demoId(`user:${email}`),
      email,
      name,
      role,
      passwordHash: await hashPassword(password),
    })),
  );
}

export type NewDemoUser = Awaited<ReturnType<typeof newDemoUsers>>[number];

/** The demo accounts and clients; the client account gets the client record it books with. */
export async function seedPeople(tx: Executor, newUsers: NewDemoUser[]) {
  const createdUsers =
    newUsers.length > 0 ? await tx.insert(users).values(newUsers).onConflictDoNothing().returning() : [];
  const accounts = await tx
    .select()
    .from(users)
    .where(
      inArray(
        sql`lower(${users.email})`,
        DEMO_USERS.map((u) => u.email),
      ),
    );
  const account = (role: Role) => {
    const email = DEMO_USERS.find((u) => u.role === role)?.email;
    return accounts.find((u) => u.email.toLowerCase() === email);
  };
  const clientUser = account("client");
  const demoClients = DEMO_CLIENTS.map((c) => ({ ...c, id: demoId(`client:${c.name}`) }));
  const ownRecord = clientUser && {
    id: demoId("client:client-user"),
    name: clientUser.name,
    email: clientUser.email,
    userId: clientUser.id,
  };
  const createdClients = await tx
    .insert(clients)
    .values([...(ownRecord ? [ownRecord] : []), ...demoClients])
    .onConflictDoNothing()
    .returning();
  // The client account may already have a record of its own from registering in the app.
  const linked = clientUser
    ? await tx.select({ id: clients.id }).from(clients).where(eq(clients.userId, clientUser.id))
    : [];
  const workerUser = account("worker");
  return {
    deskId: account("admin")?.id ?? null,
    /** The demo's worker account when this run created it (to be linked to its worker). */
    newWorkerUserId: workerUser && createdUsers.some((u) => u.id === workerUser.id) ? workerUser.id : null,
    clientIds: [...linked.map((c) => c.id), ...demoClients.map((c) => c.id)],
    created: { users: createdUsers.length, clients: createdClients.length },
  };
}
