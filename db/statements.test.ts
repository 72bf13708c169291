// Statements (db/statements.ts) replay what drizzle prepared on a recording database onto the
// executor's session. These tests fail if a drizzle upgrade changes what that relies on: the
// arguments of PgSession.prepareQuery, the select builder's joinsNotNullableMap (left-joined tables
// read as null), its setToken call, or where the query runs (the pool or the transaction's connection).
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Db, databaseMode, type Executor, getDb, queryRows } from "./client";
import { clients } from "./schema/appointments";
import { users } from "./schema/users";
import { statement, statementFamily } from "./statements";

const clientWithUser = (db: Db) =>
  db
    .select({
      client: clients,
      user: { id: users.id, email: users.email, createdAt: users.createdAt },
      userName: users.name,
    })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.userId))
    .where(eq(clients.id, sql.placeholder("id")));

let builds = 0;
const findClientWithUser = statement("test_client_with_user", (db) => {
  builds += 1;
  return clientWithUser(db);
});

const insertClient = statement("test_insert_client", (db) =>
  db
    .insert(clients)
    .values({ id: sql.placeholder("id"), name: sql.placeholder("name") })
    .returning({ id: clients.id, phone: clients.phone }),
);

const renameClient = statement("test_rename_client", (db) =>
  db
    .update(clients)
    .set({ name: sql.placeholder("name") as unknown as string })
    .where(eq(clients.id, sql.placeholder("id"))),
);

const clientNames = statement<{ name: string; has_user: boolean }>(
  "test_client_names",
  () => sql`select ${clients.name} as name, ${clients.userId} is not null as has_user
    from ${clients} where ${clients.id} = any((select ${sql.placeholder("ids")}::uuid[])::uuid[]) order by name`,
);

const clientByField = statementFamily("test_client_by", (db, field: "name" | "email") =>
  db
    .select({ id: clients.id })
    .from(clients)
    .where(eq(field === "name" ? clients.name : clients.email, sql.placeholder("value"))),
);

async function twoClients(db: Db) {
  const [user] = await db
    .insert(users)
    .values({ email: `${randomUUID()}@example.com`, name: "Linked user", passwordHash: "x" })
    .returning();
  if (!user) throw new Error("no user");
  const [linked, alone] = await db
    .insert(clients)
    .values([
      { name: "Linked", userId: user.id, phone: "+100" },
      { name: "Alone", email: `${randomUUID()}@example.com` },
    ])
    .returning();
  if (!linked || !alone) throw new Error("no clients");
  return { user, linked, alone };
}

describe("statement", () => {
  it("maps rows as the builder does, on the database and in a transaction, built once", async () => {
    const db = await getDb();
    const { user, linked, alone } = await twoClients(db);
    // What drizzle's own builder answers (PGlite has one connection: not read while a transaction is open).
    const expected = await Promise.all([linked, alone].map((c) => clientWithUser(db).execute({ id: c.id })));
    builds = 0;
    const check = async (executor: Executor) => {
      expect(await findClientWithUser(executor, { id: linked.id })).toEqual(expected[0]);
      expect(await findClientWithUser(executor, { id: alone.id })).toEqual(expected[1]);
      const [withUser] = await findClientWithUser(executor, { id: linked.id });
      expect(withUser?.user).toEqual({ id: user.id, email: user.email, createdAt: user.createdAt });
      expect(withUser?.user?.createdAt).toBeInstanceOf(Date);
      expect(withUser?.client.createdAt).toBeInstanceOf(Date);
      expect(withUser?.userName).toBe("Linked user");
      const [withoutUser] = await findClientWithUser(executor, { id: alone.id });
      // The left-joined table's object reads as null, not as an object of nulls (joinsNotNullableMap).
      expect(withoutUser?.user).toBeNull();
      expect(withoutUser?.userName).toBeNull();
      expect(withoutUser?.client).toMatchObject({ id: alone.id, phone: null, userId: null });
    };
    await check(db);
    await db.transaction(check);
    await check(db);
    expect(builds).toBe(1);
  });

  it("runs in the transaction it is given, and rolls back with it", async () => {
    const db = await getDb();
    const id = randomUUID();
    await expect(
      db.transaction(async (tx) => {
        expect(await insertClient(tx, { id, name: "Temporary" })).toEqual([{ id, phone: null }]);
        await renameClient(tx, { id, name: "Renamed" });
        const [row] = await findClientWithUser(tx, { id });
        expect(row?.client.name).toBe("Renamed");
        expect(await clientNames(tx, { ids: `{${id}}` })).toEqual([{ name: "Renamed", has_user: false }]);
        if (databaseMode() === "postgres") {
          // postgres.js prepared them on the transaction's connection, by their text.
          const prepared = await queryRows<{ statement: string }>(
            tx,
            sql`select statement from pg_prepared_statements`,
          );
          expect(prepared.some((p) => p.statement.includes('insert into "clients"'))).toBe(true);
          expect(prepared.some((p) => p.statement.includes('update "clients"'))).toBe(true);
        }
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await findClientWithUser(db, { id })).toEqual([]);
    expect(await clientNames(db, { ids: `{${id}}` })).toEqual([]);
  });

  it("answers raw SQL's rows on the database and in a transaction", async () => {
    const db = await getDb();
    const { linked, alone } = await twoClients(db);
    const expected = [
      { name: "Alone", has_user: false },
      { name: "Linked", has_user: true },
    ];
    const ids = { ids: `{${linked.id},${alone.id}}` };
    expect(await clientNames(db, ids)).toEqual(expected);
    expect(await db.transaction((tx) => clientNames(tx, ids))).toEqual(expected);
  });

  it("keeps one statement per member of a family", async () => {
    const db = await getDb();
    const { alone } = await twoClients(db);
    expect(clientByField("name")).toBe(clientByField("name"));
    expect(clientByField("name")).not.toBe(clientByField("email"));
    expect(await clientByField("email")(db, { value: alone.email })).toEqual([{ id: alone.id }]);
    expect(await db.transaction((tx) => clientByField("name")(tx, { value: "Alone" }))).toContainEqual({
      id: alone.id,
    });
  });

  it("refuses a build that opens a transaction", async () => {
    const db = await getDb();
    const broken = statement("test_broken_transaction", (recording) => {
      void recording.transaction(async () => {});
      return clientWithUser(recording);
    });
    await expect(broken(db, { id: randomUUID() })).rejects.toThrow("cannot run one");
  });
});
