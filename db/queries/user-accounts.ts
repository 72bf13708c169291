// User accounts as managers see them (API.md "Users"): list, create, change, block and unblock.
// Every role change, block and unblock writes an audit row in the same transaction. At least one
// manager who is not blocked always remains, so the business can never lock itself out.
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { alreadyExists, lastManager, sqlState } from "@/lib/errors";
import type { UserCreate, UserListQuery, UserPatch } from "@/lib/validation/users";
import { type Executor, getDb } from "../client";
import { type User, users } from "../schema/users";
import { matchesAllWords } from "../search";
import { recordAudit } from "./audit";
import { createClientOfUser } from "./clients";
import { findUserByEmail, insertUser, updateUser } from "./users";

/** A page of users by name; `q` matches words of the name or email, `role` and `blocked` filter. */
export async function listUsers(query: UserListQuery): Promise<User[]> {
  const db = await getDb();
  const conditions: (SQL | undefined)[] = [
    query.q ? matchesAllWords(sql`concat_ws(' ', ${users.name}, ${users.email})`, query.q) : undefined,
    query.role ? eq(users.role, query.role) : undefined,
    query.blocked === undefined ? undefined : eq(users.blocked, query.blocked),
  ];
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id))
    .limit(query.limit)
    .offset(query.offset);
}

/**
 * Creates an account with a hashed password. A client account gets a client record of its own at
 * once, exactly as registering would (a desk record with the same email is linked only by staff).
 */
export async function createUserAccount(
  input: Omit<UserCreate, "password"> & { passwordHash: string },
  actorId: string,
): Promise<User> {
  if (await findUserByEmail(input.email)) throw alreadyExists("email");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const user = await insertUser(
        {
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash: input.passwordHash,
          gender: input.gender ?? null,
          birthDate: input.birthDate ?? null,
          phone: input.phone ?? null,
        },
        tx,
      );
      if (user.role === "client") await createClientOfUser(tx, user);
      await recordAudit(tx, {
        actorId,
        action: "user.create",
        entity: "user",
        entityId: user.id,
        after: { email: user.email, role: user.role },
      });
      return user;
    });
  } catch (err) {
    // Someone took the email between the check and the insert.
    if (sqlState(err) === "23505") throw alreadyExists("email");
    throw err;
  }
}

/**
 * Locks every active (unblocked) manager, in id order so that concurrent account changes queue up
 * instead of deadlocking. Two managers demoting each other at once: the second waits for the first,
 * then finds only itself left and is refused.
 */
async function lockActiveManagers(tx: Executor): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "manager"), eq(users.blocked, false)))
    .orderBy(asc(users.id))
    .for("no key update");
  return rows.map((r) => r.id);
}

type AccountChange = Pick<UserPatch, "name" | "gender" | "birthDate" | "phone" | "role"> & { blocked?: boolean };

/**
 * Changes an account under the manager lock: refused with 409 last_manager when it would leave no
 * active manager. Audits the role and the block state when they change. Undefined when no such user.
 */
async function changeAccount(id: string, change: AccountChange, actorId: string): Promise<User | undefined> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const managers = await lockActiveManagers(tx);
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for("no key update");
    if (!before) return undefined;
    const stillManager = (change.role ?? before.role) === "manager" && !(change.blocked ?? before.blocked);
    if (managers.includes(id) && !stillManager && managers.length <= 1) throw lastManager();
    const changed = Object.entries(change).some(([key, value]) => before[key as keyof User] !== value);
    if (!changed) return before;
    const after = await updateUser(id, change, tx);
    if (!after) return undefined;
    await recordAudit(tx, ...auditRows(before, after, actorId));
    return after;
  });
}

function auditRows(before: User, after: User, actorId: string) {
  const rows = [];
  if (before.role !== after.role) {
    rows.push({ action: "user.role", before: { role: before.role }, after: { role: after.role } });
  }
  if (before.blocked !== after.blocked) {
    rows.push({
      action: after.blocked ? "user.block" : "user.unblock",
      before: { blocked: before.blocked },
      after: { blocked: after.blocked },
    });
  }
  return rows.map((r) => ({ ...r, actorId, entity: "user", entityId: after.id }));
}

export const updateUserAccount = (id: string, patch: UserPatch, actorId: string) => changeAccount(id, patch, actorId);

/** Blocks or unblocks; blocking also revokes every session and token the user holds. */
export const setUserAccountBlocked = (id: string, blocked: boolean, actorId: string) =>
  changeAccount(id, { blocked }, actorId);
