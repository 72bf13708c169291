// User accounts as managers change them (API.md "Users"): create, change, block and unblock.
// Every role change, block and unblock writes an audit row in the same transaction. At least one
// manager who is not blocked always remains, so the business can never lock itself out.
import { type Executor, getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { createClientOfUser } from "@/db/queries/clients";
import { findUserByEmail, insertUser, lockActiveManagerIds, lockUser, updateUser } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { toClientJson } from "@/lib/contract/client";
import { alreadyExists, lastManager, notFound, sqlState } from "@/lib/errors";
import type { UserCreate, UserPatch } from "@/lib/validation/users";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

/**
 * Creates an account with a hashed password. A client account gets a client record of its own at
 * once, exactly as registering would (a desk record with the same email is linked only by staff).
 * 409 already_exists when the email is taken.
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
      if (user.role === "client") {
        await emitWebhookEvent(tx, "client.created", toClientJson(await createClientOfUser(tx, user)));
      }
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

type AccountChange = Pick<UserPatch, "name" | "gender" | "birthDate" | "phone" | "role"> & { blocked?: boolean };

/**
 * Changes an account under the manager lock: refused with 409 last_manager when it would leave no
 * active manager. Every active manager's row is locked first, in id order: two managers demoting
 * each other at once queue up, and the second then finds only itself left and is refused. Audits
 * the role and the block state when they change. 404 when there is no such user.
 */
async function changeAccount(id: string, change: AccountChange, actorId: string): Promise<User> {
  const db = await getDb();
  const user = await db.transaction(async (tx) => {
    const managers = await lockActiveManagerIds(tx);
    const before = await lockUser(tx, id);
    if (!before) return undefined;
    const stillManager = (change.role ?? before.role) === "manager" && !(change.blocked ?? before.blocked);
    if (managers.includes(id) && !stillManager && managers.length <= 1) throw lastManager();
    const changed = Object.entries(change).some(([key, value]) => before[key as keyof User] !== value);
    if (!changed) return before;
    const after = await updateUser(id, change, tx);
    if (!after) return undefined;
    await auditChange(tx, before, after, actorId);
    return after;
  });
  if (!user) throw notFound("User");
  return user;
}

/** One audit row for a role change, one for a block or unblock. */
async function auditChange(tx: Executor, before: User, after: User, actorId: string): Promise<void> {
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
  await recordAudit(tx, ...rows.map((r) => ({ ...r, actorId, entity: "user", entityId: after.id })));
}

/** PATCH /users/{id}: the profile and the role. */
export const updateUserAccount = (id: string, patch: UserPatch, actorId: string) => changeAccount(id, patch, actorId);

/** Blocks or unblocks; blocking also revokes every session and token the user holds. */
export const setUserAccountBlocked = (id: string, blocked: boolean, actorId: string) =>
  changeAccount(id, { blocked }, actorId);
