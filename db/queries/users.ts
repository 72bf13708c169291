// User accounts' rows: reads by id and email, the managers' list, inserts, changes and the row locks
// account changes take. Who may change what (the last-manager rule, audit) is lib/people's.
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "../client";
import { type NewUser, type Role, type User, users } from "../schema/users";
import { matchesAllWords } from "../search";
import { statement } from "../statements";

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

export type UserFilter = { q?: string; role?: Role; blocked?: boolean; limit: number; offset: number };

/** A page of users by name; `q` matches words of the name or email, `role` and `blocked` filter. */
export async function listUsers(db: Executor, filter: UserFilter): Promise<User[]> {
  const conditions: (SQL | undefined)[] = [
    filter.q ? matchesAllWords(sql`concat_ws(' ', ${users.name}, ${users.email})`, filter.q) : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.blocked === undefined ? undefined : eq(users.blocked, filter.blocked),
  ];
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id))
    .limit(filter.limit)
    .offset(filter.offset);
}

/** The user's row, held ("no key update") until the transaction ends; undefined when there is none. */
export async function lockUser(db: Executor, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).for("no key update");
  return row;
}

/**
 * The ids of every active (unblocked) manager, their rows locked in id order so that concurrent
 * lockers queue up instead of deadlocking.
 */
export async function lockActiveManagerIds(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "manager"), eq(users.blocked, false)))
    .orderBy(asc(users.id))
    .for("no key update");
  return rows.map((r) => r.id);
}
