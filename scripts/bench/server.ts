// The pieces a benchmark run needs around the load generator: a throw-away PostgreSQL database, the
// production server (our HTTP server around Next.js) started on it through scripts/start.ts (which
// builds first when needed), the reference app (a bare Next.js app, scripts/bench/reference) built
// and started beside it, and a wait until each answers its health check.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import postgres from "postgres";

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export type BenchDatabase = { url: string; drop: () => Promise<void> };

/** BENCH_DATABASE_URL as it is, or a new database on the local server that `drop` removes again. */
export async function benchDatabase(): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, drop: async () => {} };
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  const name = `bench_${Date.now()}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (err) {
    await admin.end();
    throw new Error(`could not create database ${name} on ${adminUrl}: ${(err as Error).message}`);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  console.log(`Created database ${name}.`);
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
      console.log(`Dropped database ${name}.`);
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export type BenchServer = {
  baseUrl: string;
  ready: Promise<void>;
  stop: () => Promise<void>;
  /** CPU seconds (user + system) used so far by the server's processes; null off Linux. */
  cpuSeconds: () => number | null;
};

/**
 * Runs `tsx scripts/start.ts -p PORT -H 127.0.0.1` (loopback only) in its own process group, so
 * stopping it also stops the node process tsx runs the server in, with demo data seeded for
 * benchmarks that read it.
 * Returns at once, so a caller interrupted while `ready` is pending can still stop it.
 * BENCH_CPU_PROF=DIR starts the server under `node --cpu-prof` and writes its profile to DIR on stop.
 */
export function startServer(databaseUrl: string, port: number): BenchServer {
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const args = [...profile, "--import", "tsx", "scripts/start.ts", "-p", String(port), "-H", "127.0.0.1"];
  return spawnServer(args, port, "/api/v1/health", {
    DATABASE_URL: databaseUrl,
    SEED_DEMO: "1",
    // The load comes from one IP: without this the per-IP budget answers 429 within a second, and
    // the bench would measure the rate limiter instead of the routes (the check itself still runs).
    RATE_LIMIT_API_PER_MINUTE: "1000000000",
  });
}

/**
 * Runs the reference app (scripts/bench/reference, built by buildReference) with `next start` on
 * the same database, loopback only, in its own process group as startServer does.
 */
export function startReference(databaseUrl: string, port: number): BenchServer {
  const args = [nextBin, "start", REFERENCE_DIR, "-p", String(port), "-H", "127.0.0.1"];
  return spawnServer(args, port, "/api/select-1", { DATABASE_URL: databaseUrl, NODE_ENV: "production" });
}

function spawnServer(args: string[], port: number, healthPath: string, env: Record<string, string>): BenchServer {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  // Read as a log collector reads a server's output, through a pipe: the request log's lines (a
  // hundred thousand in a run) are dropped, anything else is shown.
  if (child.stdout) {
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (!line.startsWith('{"level":"info"')) console.log(line);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    ready: waitForHealth(baseUrl + healthPath, exited),
    stop: () => stopGroup(child, exited),
    cpuSeconds: () => (child.pid === undefined ? null : groupCpuSeconds(child.pid)),
  };
}

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
export const REFERENCE_DIR = path.join("scripts", "bench", "reference");

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const names = readdirSync(entry).filter((name) => name !== ".next");
  return Math.max(stat.mtimeMs, ...names.map((name) => newestMtime(path.join(entry, name))));
}

/**
 * `next build` of the reference app with the repository's own Next.js (and node_modules), unless
 * its build is newer than its sources and than the installed Next.js.
 */
export async function buildReference(): Promise<void> {
  const buildId = path.join(REFERENCE_DIR, ".next", "BUILD_ID");
  const nextPackage = path.join("node_modules", "next", "package.json");
  if (existsSync(buildId)) {
    const builtAt = statSync(buildId).mtimeMs;
    if (builtAt > newestMtime(REFERENCE_DIR) && builtAt > statSync(nextPackage).mtimeMs) return;
  }
  console.log("Building the reference app (next build scripts/bench/reference)…");
  const child = spawn(process.execPath, [nextBin, "build", REFERENCE_DIR], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`building the reference app failed (exit code ${code})`);
}

const CLOCK_TICKS = 100; // USER_HZ, 100 on every Linux the bench runs on

/**
 * CPU seconds (user + system) of the live processes `which` picks by name and process group, from
 * /proc; null off Linux. On a machine shared with other work, CPU per request says what a request
 * costs where req/s also says how busy the box was.
 */
function cpuSecondsOf(which: (process: { name: string; groupId: number }) => boolean): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name is in parentheses and may hold spaces; the other fields follow it.
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (!which({ name, groupId: Number(fields[2]) })) continue; // pgrp
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // The process ended while the list was read.
    }
  }
  return ticks / CLOCK_TICKS;
}

/** CPU time of the live processes of a process group: the app server started by startServer. */
const groupCpuSeconds = (groupId: number) => cpuSecondsOf((p) => p.groupId === groupId);

/**
 * CPU time of the PostgreSQL server's processes (every process named `postgres`: the backends serving
 * the bench's connections, and the server's own). The bench runs on a machine where nothing else uses
 * that server, so the difference over a run is the run's.
 */
export const databaseCpuSeconds = () => cpuSecondsOf((p) => p.name.startsWith("postgres"));

export type CpuPerRequest = {
  /** The app server's CPU milliseconds per request over the measured load; null off Linux. */
  cpuMsPerRequest: number | null;
  /** PostgreSQL's CPU milliseconds per request over the same load; null off Linux. */
  dbCpuMsPerRequest: number | null;
};

/** Runs `load` and adds what it cost the app server and PostgreSQL per request it reports. */
export async function measureCpu<T extends { requests: number }>(
  server: BenchServer,
  load: () => Promise<T>,
): Promise<T & CpuPerRequest> {
  const before = { app: server.cpuSeconds(), db: databaseCpuSeconds() };
  const result = await load();
  const after = { app: server.cpuSeconds(), db: databaseCpuSeconds() };
  const perRequest = (from: number | null, to: number | null) =>
    from !== null && to !== null && result.requests > 0 ? ((to - from) * 1000) / result.requests : null;
  return {
    ...result,
    cpuMsPerRequest: perRequest(before.app, after.app),
    dbCpuMsPerRequest: perRequest(before.db, after.db),
  };
}

async function stopGroup(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // The group is gone already.
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Polls a health URL; the first start may build the app, which takes a minute or two. */
async function waitForHealth(healthUrl: string, exited: Promise<number | null>, timeoutMs = 300_000) {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error("the server exited before it became healthy");
    try {
      const res = await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s`);
}
