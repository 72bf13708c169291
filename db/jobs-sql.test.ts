// The job queue's SQL adapter (db/jobs-sql.ts) on this file's database: PGlite by default, PostgreSQL
// when DATABASE_URL is set. pg-boss itself runs on it, with its real install, maintenance and
// migration scripts.
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Db, getDb, queryRows } from "./client";
import { type JobsConnection, jobsSqlFor, openJobsSql } from "./jobs-sql";

const SCHEMA = "pgboss";
const QUEUE = "jobs-sql-test";

let db: Db;
let connection: JobsConnection;
let boss: PgBoss;
const errors: unknown[] = [];

// pg-boss's types say these versions are strings; its code compares numbers.
const rollbackPlans = (version: number) => PgBoss.getRollbackPlans(SCHEMA, version as unknown as string);
const migrationPlans = (version: number) => PgBoss.getMigrationPlans(SCHEMA, version as unknown as string);

function newBoss() {
  const instance = new PgBoss({ db: connection, schema: SCHEMA, supervise: false, schedule: false });
  instance.on("error", (err) => errors.push(err));
  return instance;
}

beforeAll(async () => {
  db = await getDb();
  connection = await openJobsSql();
  boss = newBoss();
  // Installs the queue's schema: a BEGIN … COMMIT script taking an advisory lock.
  await boss.start();
  await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 0 });
});

afterAll(async () => {
  await boss?.stop({ graceful: false, close: false, wait: true });
  await connection?.close();
  expect(errors).toEqual([]);
});

describe("a job sent inside the caller's transaction", () => {
  it("never exists when the transaction rolls back", async () => {
    let id: string | null = null;
    await expect(
      db.transaction(async (tx) => {
        id = await boss.send(QUEUE, { appointmentId: "a-1" }, { db: jobsSqlFor(tx) });
        const inside = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from pgboss.job where id = ${id}`,
        );
        expect(inside[0]?.n).toBe(1);
        throw new Error("the booking failed");
      }),
    ).rejects.toThrow("the booking failed");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await boss.getJobById(QUEUE, id as unknown as string)).toBeNull();
    expect(await boss.fetch(QUEUE)).toEqual([]);
  });

  it("is fetched and completed by a worker once the transaction commits", async () => {
    const data = { appointmentId: "a-2", to: "Ольга <olga@example.com>", offsets: [1440, 120], note: null };
    const id = await db.transaction((tx) =>
      boss.send(QUEUE, data, { db: jobsSqlFor(tx), singletonKey: "a-2", retryLimit: 3 }),
    );
    expect(id).toBeTruthy();
    const handled = new Promise<PgBoss.Job<typeof data>>((resolve) => {
      void boss.work<typeof data>(QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (job) resolve(job);
      });
    });
    const job = await handled;
    expect(job.id).toBe(id);
    expect(job.data).toEqual(data);
    await vi.waitFor(async () => expect((await boss.getJobById(QUEUE, id as string))?.state).toBe("completed"), {
      timeout: 5_000,
      interval: 50,
    });
    await boss.offWork(QUEUE);
  });

  it("can also be sent on the database itself, outside any transaction", async () => {
    const id = await boss.send(QUEUE, { n: 1 }, { db: jobsSqlFor(db) });
    const job = await boss.getJobById(QUEUE, id as string);
    expect(job?.state).toBe("created");
    expect(job?.data).toEqual({ n: 1 });
    await boss.deleteJob(QUEUE, id as string);
  });

  it("refuses a script of pg-boss's own, which would commit the caller's work", async () => {
    await db.transaction(async (tx) => {
      await expect(jobsSqlFor(tx).executeSql("BEGIN; SELECT 1; COMMIT;")).rejects.toThrow(/BEGIN\/COMMIT/);
    });
  });
});

describe("pg-boss's scripts", () => {
  it("run maintenance (expire, archive, drop: each under an advisory lock)", async () => {
    await expect(boss.maintain()).resolves.toEqual({ ms: expect.any(Number) });
  });

  it("migrate an older schema forward", async () => {
    const version = Number(await boss.schemaVersion());
    await connection.executeSql(rollbackPlans(version));
    expect(Number(await boss.schemaVersion())).toBe(version - 1);
    const next = newBoss();
    await next.start();
    expect(Number(await next.schemaVersion())).toBe(version);
    await next.stop({ graceful: false, close: false, wait: true });
    // The queue and its jobs survived the round trip.
    const id = await boss.send(QUEUE, { after: "migration" });
    expect((await boss.getJobById(QUEUE, id as string))?.data).toEqual({ after: "migration" });
    await boss.deleteJob(QUEUE, id as string);
  });

  it("roll back whole when a statement fails half-way, and the database stays usable", async () => {
    const failing = `
      BEGIN;
      CREATE TABLE ${SCHEMA}.half_done (id int);
      SELECT 1 / 0;
      COMMIT;
    `;
    await expect(connection.executeSql(failing)).rejects.toThrow(/division by zero/);
    const [row] = await queryRows<{ t: string | null }>(db, sql`select to_regclass('pgboss.half_done')::text as t`);
    expect(row?.t).toBeNull();
    // Already on the latest version: pg-boss's own guard fails its migration script the same way.
    const version = Number(await boss.schemaVersion());
    await expect(connection.executeSql(migrationPlans(version - 1))).rejects.toThrow(/division by zero/);
    expect(Number(await boss.schemaVersion())).toBe(version);
    await db.transaction(async (tx) => {
      const [one] = await queryRows<{ one: number }>(tx, sql`select 1 as one`);
      expect(one?.one).toBe(1);
    });
  });
});
