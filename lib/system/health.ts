import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { statement } from "@/db/statements";
import { databaseUnavailable } from "@/lib/api/database-errors";

/**
 * A balancer's health check must hear within a second that the database is unreachable, however
 * the connection fails (a refused connect is quick; a silent network is not): the probe gets this long.
 */
const PROBE_TIMEOUT_MS = 700;

/** Built once and kept prepared per connection (db/statements.ts), as a balancer asks every few seconds. */
const selectOne = statement("health_probe", () => sql`select 1`);

/** Runs `select 1`, or throws `unavailable` (503) when the database does not answer in time. */
export async function probeDatabase(): Promise<void> {
  // Opened and migrated when the server starts (instrumentation.ts); only the probe itself is
  // bounded, as opening a fresh database runs its migrations.
  const db = await getDb();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(databaseUnavailable()), PROBE_TIMEOUT_MS);
  });
  const probing = selectOne(db);
  // A probe still running when the answer goes out must not become an unhandled rejection later.
  probing.catch(() => {});
  try {
    await Promise.race([probing, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
