import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { databaseUnavailable } from "@/lib/api/database-errors";
import { route } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

/**
 * A balancer's health check must hear within a second that the database is unreachable, however
 * the connection fails (a refused connect is quick; a silent network is not): the probe gets this long.
 */
const PROBE_TIMEOUT_MS = 700;

async function probe() {
  const db = await getDb();
  await db.execute(sql`select 1`);
}

export const GET = route({}, async () => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(databaseUnavailable()), PROBE_TIMEOUT_MS);
  });
  const probing = probe();
  // A probe still running when the answer goes out must not become an unhandled rejection later.
  probing.catch(() => {});
  try {
    await Promise.race([probing, timedOut]);
  } finally {
    clearTimeout(timer);
  }
  return { ok: true };
});
