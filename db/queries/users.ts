import { eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "../client";
import { type NewUser, type Role, type User, users } from "../schema/users";
import { statement } from "../statements";
import { createClientOfUser } from "./clients";

const userById = statement("find_user_by_id", (db) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .limit(1),
);

/** The user by id. Every signed-in request reads its caller's row (lib/auth/caller.ts): a prepared statement. */
export async function findUserById(id: string, db: Executor | null = null): Promise<User | undefined> {
  const [row] = await userById(db ?? (await getDb()), { id });
  return row;
}

export async function findUserByEmail(email: string, db: Executor | null = null): Promise<User | undefined> {
  const [row] = await (db ?? (await getDb()))
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row;
}

export async function insertUser(values: NewUser, db: Executor | null = null): Promise<User> {
  const [row] = await (db ?? (await getDb())).insert(users).values(values).returning();
  if (!row) throw new Error("insert into users returned no row");
  return row;
}

/**
 * Creates a client-role user with a client record of their own (see `createClientOfUser`); a record
 * the desk made with the same email stays apart until staff link it.
 */
export async function registerClientUser(values: Omit<NewUser, "role">): Promise<User> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await insertUser({ ...values, role: "client" }, tx);
    await createClientOfUser(tx, user);
    return user;
  });
}

export type UserChanges = Partial<
  Pick<User, "name" | "role" | "passwordHash" | "blocked" | "phone" | "gender" | "birthDate">
>;

/**
 * Changes a user. A new password or a block bumps the session version, so tokens issued before
 * stop working (unblocking does not revive them). The role is read from this row on every request,
 * so a role change applies to existing tokens at once without signing anyone out.
 */
export async function updateUser(id: string, changes: UserChanges, db: Executor | null = null) {
  const revokes = changes.passwordHash !== undefined || changes.blocked === true;
  const [row] = await (db ?? (await getDb()))
    .update(users)
    .set({ ...changes, ...(revokes ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}) })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export const setUserBlocked = (id: string, blocked: boolean) => updateUser(id, { blocked });
export const setUserRole = (id: string, role: Role) => updateUser(id, { role });
