// `npm start`: one command from a fresh clone to a running app. Prepares the configuration,
// migrates the database, seeds demo data into an empty embedded database, builds when the build is
// missing or older than the sources, then serves it in this process through our HTTP server
// (lib/server/next-server.ts; `-p`/`--port` and `-H`/`--hostname` are read as `next start` reads them).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDb, databaseMode, getDb, queryRows } from "@/db/client";
import { parseTrustProxy } from "@/lib/server/client-address";
import { timeoutsFromEnv } from "@/lib/server/http-server";
import { listenAddress, startNextServer } from "@/lib/server/next-server";
import { printDemoLogins, seedDemo } from "@/scripts/seed/demo";
import { runWithProgress } from "./lib/build";
import { ensureLocalEnv } from "./lib/local-env";
import { loadEnv } from "./lib/run";

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "i18n",
  "messages",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIsStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(entry) > builtAt);
}

/** Migrates, seeds when asked or when the embedded database is empty; returns the demo logins text. */
async function prepareDatabase(): Promise<string | undefined> {
  const db = await getDb();
  const embedded = databaseMode() === "pglite";
  const wanted = process.env.SEED_DEMO;
  const [row] = await queryRows<{ empty: boolean }>(
    db,
    sql`select not exists (select 1 from users) and not exists (select 1 from locations) as empty`,
  );
  const empty = row?.empty === true;
  if (wanted === "1" || (wanted !== "0" && embedded && empty)) {
    const { created } = await seedDemo(db);
    const parts = Object.entries(created).map(([table, count]) => `${count} ${table}`);
    console.log(`Demo data loaded: ${parts.join(", ")}.`);
  }
  return embedded && wanted !== "0" ? printDemoLogins() : undefined;
}

// The serving process loads production .env files and React's production build, as `next start` did.
(process.env as Record<string, string>).NODE_ENV = "production";
const args = process.argv.slice(2);
loadEnv();
ensureLocalEnv();
loadEnv(true);
// Settings the server reads are checked before the database and the build, so a typo fails at once.
try {
  listenAddress(args);
  parseTrustProxy(process.env.TRUST_PROXY);
  timeoutsFromEnv();
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
}
let demoLogins: string | undefined;
try {
  demoLogins = await prepareDatabase();
} finally {
  await closeDb();
}

if (buildIsStale()) {
  const code = await runWithProgress(process.execPath, [nextBin, "build"], { label: "Building the app (next build)" });
  if (code !== 0) process.exit(code);
}

// Printed last, so the logins are on screen next to the server's address rather than above the build log.
if (demoLogins) console.log(`\n${demoLogins}\n`);
try {
  await startNextServer({ dev: false, args });
} catch (err) {
  console.error(err);
  process.exit(1);
}
