// What pg-boss (the job queue, lib/jobs) runs its SQL through: its `db` option, an object with
// `executeSql(text, values)` answering `{ rows }`, here for both database modes.
//
// - `jobsSqlFor(executor)` runs on the caller's transaction (or the database itself), so
//   `boss.send(name, data, { db: jobsSqlFor(tx) })` writes the job in that transaction: a rolled-back
//   change leaves no job, a committed one always has its job.
// - `openJobsSql()` is the queue's own connection: on PostgreSQL a small postgres.js pool of its own
//   (polling, claiming and completing never take the app's connections); on embedded PGlite, which is
//   one connection per process, the app's own client.
//
// pg-boss sends two kinds of text. With values: one statement, run as it is. Without: a script, some
// of them wrapped in `BEGIN; … COMMIT;` (install, migrations, maintenance, taking an advisory lock).
// Such a script runs in the driver's own transaction, without its BEGIN and COMMIT, so that a
// statement failing half-way rolls it all back: PGlite is a single session, and a script left in an
// aborted transaction there would break every later query of the app.
//
// The reach into drizzle: an executor's driver client is `executor._.session.client` (the PGlite
// client or Transaction, the postgres.js pool or transaction). db/jobs-sql.test.ts runs it on both.
import type { PGlite, Results, Transaction } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import { databaseMode, type Executor, getDb } from "./client";

export type JobsRow = Record<string, unknown>;
/** pg-boss's `db` option. */
export type JobsSql = { executeSql(text: string, values?: unknown[]): Promise<{ rows: JobsRow[] }> };
/**
 * The queue's own connection: `drain` waits for the statements in flight and says how many there
 * were; `close` drains, then releases it.
 */
export type JobsConnection = JobsSql & { drain(): Promise<number>; close(): Promise<void> };

type PgliteClient = Pick<PGlite, "query" | "exec" | "transaction">;
type PgliteTransaction = Pick<Transaction, "query" | "exec">;
type PostgresClient = Pick<Sql, "unsafe">;
type PostgresPool = Pick<Sql, "unsafe" | "begin" | "end" | "options">;

/** `BEGIN; <body> COMMIT;`, as pg-boss writes its locked scripts. */
const WRAPPED_IN_TRANSACTION = /^\s*BEGIN\s*;([\s\S]*)\bCOMMIT\s*;?\s*$/i;

function lockedBody(text: string): string | undefined {
  return WRAPPED_IN_TRANSACTION.exec(text)?.[1];
}

const lastRows = (results: Results[]): JobsRow[] => (results.at(-1)?.rows as JobsRow[] | undefined) ?? [];

/**
 * Values as node-postgres (pg-boss's own driver) would send them, for postgres.js: no undefined,
 * objects as JSON text (the app's client passes json parameters through as they are, see
 * drizzle-orm/postgres-js), dates as ISO text. Arrays (of job ids) stay arrays for postgres.js's
 * array serializer; booleans and numbers stay as they are.
 */
function postgresValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) || value instanceof Uint8Array) return value;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

function isPostgresClient(client: unknown): client is PostgresClient {
  return typeof (client as { unsafe?: unknown }).unsafe === "function";
}

/** The driver's client under a drizzle database or transaction. */
function driverClientOf(executor: Executor): PostgresClient | PgliteTransaction {
  const session = executor._.session as unknown as { client?: unknown };
  if (!session.client) throw new Error("jobs-sql: this executor has no driver client (drizzle changed?)");
  return session.client as PostgresClient | PgliteTransaction;
}

/**
 * Runs pg-boss's statements on `executor`: inside its transaction when it is one. Only statements
 * (a job's insert) belong there, never a script of pg-boss's own that would commit the caller's work.
 */
export function jobsSqlFor(executor: Executor): JobsSql {
  const client = driverClientOf(executor);
  return {
    async executeSql(text, values) {
      if (lockedBody(text) !== undefined) {
        throw new Error("jobs-sql: a script with its own BEGIN/COMMIT cannot run inside the caller's transaction");
      }
      if (isPostgresClient(client)) {
        const rows = await client.unsafe(text, (values ?? []).map(postgresValue) as never[]);
        return { rows: [...rows] as JobsRow[] };
      }
      if (values) return { rows: (await client.query<JobsRow>(text, values)).rows };
      return { rows: lastRows(await client.exec(text)) };
    },
  };
}

/** pg-boss on embedded PGlite: statements and scripts on the app's client, each exclusive of its transactions. */
export function pgliteJobsSql(client: PgliteClient): JobsSql {
  return {
    async executeSql(text, values) {
      if (values) return { rows: (await client.query<JobsRow>(text, values)).rows };
      const body = lockedBody(text);
      const results = body === undefined ? await client.exec(text) : await client.transaction((tx) => tx.exec(body));
      return { rows: lastRows(results) };
    },
  };
}

/** pg-boss on PostgreSQL through a postgres.js pool made for it (json parameters passed as text). */
export function postgresJobsSql(pool: PostgresPool): JobsSql {
  const asText = (value: unknown) => value;
  pool.options.serializers[114] = asText;
  pool.options.serializers[3802] = asText;
  return {
    async executeSql(text, values) {
      if (values) {
        const rows = await pool.unsafe(text, values.map(postgresValue) as never[], { prepare: true });
        return { rows: [...rows] as JobsRow[] };
      }
      const body = lockedBody(text);
      const result = body === undefined ? await pool.unsafe(text) : await pool.begin((tx) => tx.unsafe(body));
      // A script of several statements answers one result per statement.
      const results = result as unknown as unknown[];
      const last = results.length > 0 && Array.isArray(results.at(-1)) ? (results.at(-1) as JobsRow[]) : results;
      return { rows: [...(last as JobsRow[])] };
    },
  };
}

/**
 * Counts statements in flight, so the queue can wait for them before the database closes; once
 * closed, whatever pg-boss still sends (a stray completion) is dropped instead of failing unhandled.
 */
function tracked(inner: JobsSql, release: () => Promise<void>): JobsConnection {
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  return {
    async executeSql(text, values) {
      if (closed) return { rows: [] };
      const run = inner.executeSql(text, values);
      inFlight.add(run);
      try {
        return await run;
      } finally {
        inFlight.delete(run);
      }
    },
    async drain() {
      let waited = 0;
      while (inFlight.size > 0) {
        waited += inFlight.size;
        await Promise.allSettled([...inFlight]);
      }
      return waited;
    },
    async close() {
      if (closed) return;
      await this.drain();
      closed = true;
      await release();
    },
  };
}

function envSeconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The queue's own connection to the app's database (see the top of this file). */
export async function openJobsSql(): Promise<JobsConnection> {
  const url = process.env.DATABASE_URL;
  if (databaseMode() === "postgres" && url) {
    const { default: postgres } = await import("postgres");
    const pool = postgres(url, {
      max: Number(process.env.JOBS_POOL_SIZE ?? 3),
      onnotice: () => {},
      connect_timeout: envSeconds("DATABASE_CONNECT_TIMEOUT_SECONDS", 5),
      connection: { application_name: "slotwise-jobs" },
    });
    return tracked(postgresJobsSql(pool), () => pool.end({ timeout: 5 }));
  }
  const client = driverClientOf(await getDb()) as unknown as PgliteClient;
  // The app owns the client: closeDb() closes it, after the queue has stopped.
  return tracked(pgliteJobsSql(client), async () => {});
}
