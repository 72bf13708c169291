// `npm start`: one command from a fresh clone to a running app. Prepares the configuration,
// migrates the database, seeds demo data into an empty embedded database, builds when the build is
// missing or older than the sources, then runs `next start` (extra arguments are passed on).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDb, databaseMode, getDb, queryRows } from "@/db/client";
import { printDemoLogins, seedDemo } from "@/db/seed/demo";
import { ensureLocalEnv } from "./lib/local-env";
import { loadEnv } from "./lib/run";

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "proxy.ts",
  "next.config.mjs",
  "tailwind.config.ts",
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

loadEnv();
ensureLocalEnv();
loadEnv(true);
let demoLogins: string | undefined;
try {
  demoLogins = await prepareDatabase();
} finally {
  await closeDb();
}

if (buildIsStale()) {
  console.log("Building the app (next build)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Printed last, so the logins are on screen next to the server's address rather than above the build log.
if (demoLogins) console.log(`\n${demoLogins}\n`);
const server = spawn(process.execPath, [nextBin, "start", ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
