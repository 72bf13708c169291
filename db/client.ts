import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction, or the database itself: what query functions that may run inside one accept. */
export type Executor = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export class DatabaseInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The embedded database in ${dataDir} is in use by another process (is the app or a script running?). ` +
        "Stop that process and try again, or point DATABASE_URL at a PostgreSQL server. " +
        "If nothing else is running, a crashed process left the lock behind: wait 15 seconds and retry.",
    );
    this.name = "DatabaseInUseError";
  }
}

export type Handle = { db: Db; mode: "postgres" | "pglite"; close: () => Promise<void> };

// One handle per process, kept on globalThis so that Next.js dev reloads and the separately bundled
// instrumentation hook share it instead of opening a second client (STYLE.md item 1).
const globalForDb = globalThis as unknown as { __bookingDb?: Promise<Handle> };

export const migrationsFolder = () => path.join(process.cwd(), "drizzle");

export function databaseMode(): "postgres" | "pglite" {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

/** Where embedded PGlite keeps its files; `memory://` keeps them in memory only. */
export function pgliteDataDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

function envSeconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function openPostgres(url: string): Promise<Handle> {
  // While PostgreSQL cannot be reached, a request fails within the connect timeout (503, see
  // lib/api/database-errors.ts) instead of waiting for the driver's default 30 s; a runaway
  // statement is stopped by the server after the statement timeout.
  const connectTimeout = envSeconds("DATABASE_CONNECT_TIMEOUT_SECONDS", 5);
  const statementTimeoutMs = Math.round(envSeconds("DATABASE_STATEMENT_TIMEOUT_SECONDS", 30) * 1000);
  const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
    import("drizzle-orm/postgres-js/migrator"),
  ]);
  // Several app instances may start at once: a session advisory lock, held on a one-connection
  // client, lets exactly one of them migrate while the others wait.
  const migrator = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: connectTimeout });
  try {
    await migrator`select pg_advisory_lock(724365001)`;
    await migrate(drizzle({ client: migrator }), { migrationsFolder: migrationsFolder() });
  } finally {
    await migrator.end({ timeout: 5 });
  }
  const sql = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    connect_timeout: connectTimeout,
    connection: { statement_timeout: statementTimeoutMs },
  });
  const db = drizzle({ client: sql, schema }) as unknown as Db;
  return { db, mode: "postgres", close: () => sql.end({ timeout: 5 }) };
}

async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockfile = await import("proper-lockfile");
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}.lock`,
      realpath: false,
      stale: 15_000,
      update: 5_000,
      retries: 0,
      onCompromised: (err) => console.error("embedded database lock lost:", err.message),
    });
  } catch (err) {
    if ((err as { code?: string }).code === "ELOCKED") throw new DatabaseInUseError(dataDir);
    throw err;
  }
}

/** Opens (creating if needed), locks and migrates an embedded database folder. */
export async function openPglite(dataDir: string): Promise<Handle> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? async () => {} : await lockDataDir(dataDir);
  try {
    const [{ PGlite }, { btree_gist }, { drizzle }, { migrate }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite/contrib/btree_gist"),
      import("drizzle-orm/pglite"),
      import("drizzle-orm/pglite/migrator"),
    ]);
    const client = await PGlite.create(dataDir, { extensions: { btree_gist } });
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder: migrationsFolder() });
    return {
      db: db as unknown as Db,
      mode: "pglite",
      close: async () => {
        await client.close();
        await release();
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}

function open(): Promise<Handle> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(pgliteDataDir());
}

/** The database, opened and migrated on first use. */
export async function getDb(): Promise<Db> {
  globalForDb.__bookingDb ??= open().catch((err) => {
    globalForDb.__bookingDb = undefined;
    throw err;
  });
  return (await globalForDb.__bookingDb).db;
}

/** Closes the database; scripts and tests must call it, or PGlite keeps the process alive. */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.__bookingDb;
  globalForDb.__bookingDb = undefined;
  if (handle) await (await handle).close();
}

const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/** Rows of a raw SQL query: postgres.js answers with an array, PGlite with `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}
