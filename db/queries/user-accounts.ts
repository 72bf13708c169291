// Rows of user accounts beyond the basic reads and writes in users.ts: the managers' list and the
// row locks account changes take. Who may change what (the last-manager rule) is lib/people's.
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { type Role, type User, users } from "../schema/users";
import { matchesAllWords } from "../search";

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
