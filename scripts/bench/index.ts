// `npm run bench [-- CASE...]`: starts the production app on a fresh PostgreSQL database, and beside
// it the reference app (a bare Next.js app of the same version, scripts/bench/reference, built here),
// generates 200 workers with about a thousand appointments, loads each case with autocannon, grows the
// table to a million appointments and loads the "large" cases again; prints a table and the ratios the
// product's speed targets are about (README "Speed"). A case compared with the reference app has the
// reference's route loaded in slices between slices of the case (BENCH_ROUNDS), so both see the
// same machine (2 shared cores: absolute numbers move with the neighbours, ratios much less).
// Environment: BENCH_DURATION (seconds per case, default 10), BENCH_WARMUP (seconds of unmeasured
// load before each case, default 5), BENCH_WARMUP_ALL (seconds of load over all the cases' requests
// before the first, default 20), BENCH_CONNECTIONS (default 10),
// BENCH_ROUNDS (slices a case compared with the reference is measured in, default 3),
// BENCH_APPOINTMENTS (size of the large table, default 1000000), BENCH_DATABASE_URL (use that
// database as it is instead of creating and dropping one). Loopback only; never part of `npm test`.
import autocannon from "autocannon";
import postgres from "postgres";
import { type BenchCase, type BenchRequest, cases, type Measure, referenceRoutes } from "./cases";
import { type BenchDataset, countAppointments, createBenchCatalog, growAppointments } from "./dataset";
import {
  type BenchDatabase,
  type BenchServer,
  benchDatabase,
  buildReference,
  type CpuPerRequest,
  freePort,
  measureCpu,
  startReference,
  startServer,
} from "./server";

type Row = CpuPerRequest & {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
};

const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 5);
const warmupAll = Number(process.env.BENCH_WARMUP_ALL ?? 20);
const defaultConnections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const largeTable = Number(process.env.BENCH_APPOINTMENTS ?? 1_000_000);
const WORKERS = 200;

/** Loads one request on `server` for `seconds` (after a warm-up when `warm`), with its CPU cost. */
async function load(
  server: BenchServer,
  request: BenchRequest,
  options: { connections: number; seconds: number; warm: boolean },
): Promise<Omit<Row, "name">> {
  const target = {
    url: server.baseUrl + request.path,
    method: request.method ?? "GET",
    headers: request.headers,
    body: request.body,
    connections: options.connections,
  };
  // A warm-up, so that loading the route's code, JIT compilation and preparing its statements on
  // each pooled connection are not in the numbers: every case gets the same, as a live server has.
  if (options.warm) await autocannon({ ...target, duration: warmup });
  const result = await measureCpu(server, async () => {
    const r = await autocannon({ ...target, duration: options.seconds });
    return { result: r, requests: r.requests.total };
  });
  return {
    reqPerSec: result.result.requests.total / result.result.duration,
    p50: result.result.latency.p50,
    p99: result.result.latency.p99,
    requests: result.requests,
    failed: result.result.non2xx + result.result.errors,
    cpuMsPerRequest: result.cpuMsPerRequest,
    dbCpuMsPerRequest: result.dbCpuMsPerRequest,
  };
}

async function runCase(server: BenchServer, benchCase: BenchCase, data: BenchDataset, label: string): Promise<Row> {
  const request = benchCase.request(data);
  console.log(`\n▶ ${label}: ${request.method ?? "GET"} ${request.path} for ${duration} s`);
  const connections = benchCase.connections ?? defaultConnections;
  return { name: label, ...(await load(server, request, { connections, seconds: duration, warm: true })) };
}

/**
 * Waits until the servers are idle (under 5% of a core for a second, at most a minute): a server just
 * started is still running its start-up work (the job queue's first runs, the schedule roll-forward),
 * which the first case would otherwise pay for.
 */
async function settle(servers: BenchServer[], maxMs = 60_000) {
  const startedAt = Date.now();
  while (Date.now() - startedAt < maxMs) {
    const before = servers.map((s) => s.cpuSeconds());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const busy = servers.map((s, i) => (s.cpuSeconds() ?? 0) - (before[i] ?? 0));
    if (busy.every((seconds) => seconds < 0.05)) break;
  }
  console.log(`Servers idle after ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
}

/**
 * A first warm-up over every selected case's request at once (BENCH_WARMUP_ALL seconds, default 20;
 * the reference's routes half as long): a server that has been up a while has compiled its hot code
 * with the optimizing compiler, which the few seconds before each case do not get far with on a
 * loaded machine, so the first cases measured would pay for it.
 */
async function warmAll(server: BenchServer, requests: BenchRequest[], seconds: number) {
  if (requests.length === 0 || seconds <= 0) return;
  console.log(`\nWarming ${server.baseUrl} up with ${requests.length} requests for ${seconds} s…`);
  await autocannon({
    url: server.baseUrl,
    connections: defaultConnections,
    duration: seconds,
    requests: requests.map((r) => ({ method: r.method ?? "GET", path: r.path, headers: r.headers, body: r.body })),
  });
}

/** Loads of equal length as one: req/s and p50 averaged, the worst p99, CPU per request over all. */
function combine(name: string, parts: Omit<Row, "name">[]): Row {
  const requests = parts.reduce((sum, p) => sum + p.requests, 0);
  const mean = (pick: (p: Omit<Row, "name">) => number) => parts.reduce((sum, p) => sum + pick(p), 0) / parts.length;
  const perRequest = (pick: (p: Omit<Row, "name">) => number | null) =>
    requests === 0 || parts.some((p) => pick(p) === null)
      ? null
      : parts.reduce((sum, p) => sum + (pick(p) ?? 0) * p.requests, 0) / requests;
  return {
    name,
    reqPerSec: mean((p) => p.reqPerSec),
    p50: mean((p) => p.p50),
    p99: Math.max(...parts.map((p) => p.p99)),
    requests,
    failed: parts.reduce((sum, p) => sum + p.failed, 0),
    cpuMsPerRequest: perRequest((p) => p.cpuMsPerRequest),
    dbCpuMsPerRequest: perRequest((p) => p.dbCpuMsPerRequest),
  };
}

type Comparison = { name: string; app: Row; reference: Row; referenceName: string; target: number };

function printComparisons(comparisons: Comparison[]) {
  if (comparisons.length === 0) return;
  const header = ["case", "app req/s", "reference", "reference req/s", "ratio", "target", "result", "CPU ratio"];
  const lines = comparisons.map((c) => {
    const ratio = c.reference.reqPerSec > 0 ? c.app.reqPerSec / c.reference.reqPerSec : 0;
    const app = c.app.cpuMsPerRequest;
    const ref = c.reference.cpuMsPerRequest;
    return [
      c.name,
      c.app.reqPerSec.toFixed(0),
      c.referenceName,
      c.reference.reqPerSec.toFixed(0),
      ratio.toFixed(2),
      `≥ ${c.target.toFixed(2)}`,
      ratio >= c.target ? "pass" : "FAIL",
      app && ref ? (ref / app).toFixed(2) : "n/a",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 || i === 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  console.log("\nAgainst the reference app (a bare Next.js app of the same version, same run, same machine):");
  console.log(`${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const line of lines) console.log(format(line));
  for (const [name, route] of Object.entries(referenceRoutes)) console.log(`  ${name}: ${route.description}`);
  console.log(
    "  CPU ratio: the reference's server CPU per request ÷ the app's, the same comparison by what a request\n" +
      "  costs the server; steadier than req/s when other work shares the machine (not the target's measure).",
  );
}

function printTable(rows: Row[]) {
  const header = [
    "case",
    "req/s",
    "p50 ms",
    "p99 ms",
    "server CPU ms/req",
    "db CPU ms/req",
    "requests",
    "non-2xx+errors",
  ];
  const lines = rows.map((r) => [
    r.name,
    r.reqPerSec.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.cpuMsPerRequest?.toFixed(2) ?? "n/a",
    r.dbCpuMsPerRequest?.toFixed(2) ?? "n/a",
    String(r.requests),
    String(r.failed),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  console.log(`\n${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const line of lines) console.log(format(line));
}

/** The ratios of the speed targets, from the rows of this one run. */
function printRatios(rows: Map<string, Row>, small: number, large: number) {
  const ratio = (a?: number, b?: number) => (a !== undefined && b ? (a / b).toFixed(2) : "n/a");
  const health = rows.get("health");
  const slots = rows.get(`slots@${small}`);
  const slotsLarge = rows.get(`slots@${large}`);
  const availability = rows.get(`availability@${small}`) ?? rows.get(`availability@${large}`);
  console.log("\nTargets (one run, same machine):");
  console.log(`  slots req/s ÷ health req/s = ${ratio(slots?.reqPerSec, health?.reqPerSec)} (target ≥ 0.80)`);
  // The same ratio from what each request cost the server: steadier when other work shares the CPUs.
  console.log(
    `  health CPU per request ÷ slots CPU per request = ${ratio(health?.cpuMsPerRequest ?? undefined, slots?.cpuMsPerRequest ?? undefined)}`,
  );
  const computed = rows.get(`slots-computed@${small}`);
  const computedLarge = rows.get(`slots-computed@${large}`);
  console.log(
    `  slots-computed req/s ÷ health req/s = ${ratio(computed?.reqPerSec, health?.reqPerSec)} (a list computed, not remembered)`,
  );
  console.log(
    `  slots-computed p50 with ${large} ÷ with ${small} appointments = ${ratio(computedLarge?.p50, computed?.p50)}`,
  );
  console.log(
    `  slots p50 with ${large} ÷ with ${small} appointments = ${ratio(slotsLarge?.p50, slots?.p50)} (target ≤ 1.20)`,
  );
  console.log(`  availability over ${WORKERS} workers p50 = ${availability?.p50.toFixed(1) ?? "n/a"} ms (target ≤ 50)`);
  // 31 days of one worker cost at most twice one day's slots: req/s at least half the slots'.
  for (const size of [small, large]) {
    const days = rows.get(`available-days@${size}`)?.reqPerSec;
    const oneDay = rows.get(`slots@${size}`)?.reqPerSec;
    const verdict = days !== undefined && oneDay ? (days / oneDay >= 0.5 ? "pass" : "FAIL") : "n/a";
    console.log(
      `  available-days (31 days) req/s ÷ slots (one day) req/s with ${size} appointments = ${ratio(days, oneDay)} (target ≥ 0.50: ≤ 2 × one day's slots) ${verdict}`,
    );
  }
  // The same target for a month computed afresh (a booking of the worker, a month not asked before)
  // against one day computed afresh; the CPU ratio says the same by what a request costs the server.
  for (const size of [small, large]) {
    const days = rows.get(`available-days-computed@${size}`);
    const oneDay = rows.get(`slots-computed@${size}`);
    const r = days && oneDay?.reqPerSec ? days.reqPerSec / oneDay.reqPerSec : undefined;
    const verdict = r === undefined ? "n/a" : r >= 0.5 ? "pass" : "FAIL";
    console.log(
      `  available-days-computed (31 days) req/s ÷ slots-computed (one day) req/s with ${size} appointments = ${r?.toFixed(2) ?? "n/a"} (target ≥ 0.50: ≤ 2 × one day's slots) ${verdict}`,
    );
    console.log(
      `    slots-computed CPU per request ÷ available-days-computed CPU per request = ${ratio(oneDay?.cpuMsPerRequest ?? undefined, days?.cpuMsPerRequest ?? undefined)}`,
    );
  }
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? cases.filter((c) => wanted.includes(c.name)) : cases;
  if (selected.length === 0) {
    console.error(`No such case: ${wanted.join(", ")}. Cases: ${cases.map((c) => c.name).join(", ")}`);
    return 1;
  }
  let database: Promise<BenchDatabase> | undefined;
  let server: BenchServer | undefined;
  let reference: BenchServer | undefined;
  let sql: postgres.Sql | undefined;
  let interrupted = false;
  let cleaning: Promise<void> | undefined;
  // Once only, whether the run ends, fails or is interrupted half-way through starting.
  const cleanup = () => {
    cleaning ??= (async () => {
      await sql?.end({ timeout: 1 }).catch(() => {});
      await Promise.all([server?.stop(), reference?.stop()]);
      await database?.then((db) => db.drop()).catch((err) => console.error(`cleanup: ${err.message}`));
    })();
    return cleaning;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: stopping the server and dropping the database…`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  try {
    const compared = selected.some((c) => c.versus || c.on === "reference");
    if (compared) await buildReference();
    database = benchDatabase();
    const { url } = await database;
    server = startServer(url, await freePort());
    await server.ready;
    if (compared) {
      reference = startReference(url, await freePort());
      await reference.ready;
    }
    sql = postgres(url, { max: 1, onnotice: () => {} });
    const data = await createBenchCatalog(sql, WORKERS);
    await growAppointments(sql, 1_000);
    const small = await countAppointments(sql);
    await settle(reference ? [server, reference] : [server]);
    const plain = selected.filter((c) => !c.run && c.on !== "reference").map((c) => c.request(data));
    await warmAll(server, plain, warmupAll);
    if (reference) {
      const routes = Object.values(referenceRoutes).map((r) => ({ path: r.path }));
      await warmAll(reference, routes, warmupAll / 2);
    }
    const rows: Row[] = [];
    const comparisons: Comparison[] = [];
    for (const phase of ["small", "large"] as const) {
      if (phase === "large") {
        if (!selected.some((c) => c.phases.includes("large"))) break;
        console.log(`\nGrowing the appointments table to ${largeTable} rows (takes minutes)…`);
        await growAppointments(sql, largeTable);
      }
      const size = await countAppointments(sql);
      for (const benchCase of selected.filter((c) => c.phases.includes(phase))) {
        if (interrupted) return 130;
        const label = benchCase.phases.length > 1 ? `${benchCase.name}@${size}` : benchCase.name;
        const running = benchCase.on === "reference" ? reference : server;
        if (!running) throw new Error("bench: the reference app is not running");
        const measure: Measure = (work) => measureCpu(running, work);
        const versus = benchCase.versus;
        const around =
          versus && reference
            ? { server: reference, request: { path: referenceRoutes[versus.reference].path } }
            : undefined;
        const connections = benchCase.connections ?? defaultConnections;
        if (!around || !versus) {
          const custom = await benchCase.run?.({ baseUrl: running.baseUrl, sql, data, duration, measure });
          rows.push(custom ? { name: label, ...custom } : await runCase(running, benchCase, data, label));
          continue;
        }
        // The case's time in BENCH_ROUNDS slices (a case that drives its own load: one), each between
        // two half-slices of the reference route, so that a burst of other work on the machine falls
        // on both alike.
        const rounds = benchCase.run ? 1 : Math.max(1, Math.round(Number(process.env.BENCH_ROUNDS ?? 3)));
        const slice = duration / rounds;
        const refParts: Omit<Row, "name">[] = [];
        const appParts: Omit<Row, "name">[] = [];
        const request = benchCase.request(data);
        console.log(`\n▶ ${label} (${rounds} × ${slice} s) between slices of the reference's ${versus.reference}`);
        for (let round = 0; round < rounds; round++) {
          const warm = round === 0;
          refParts.push(await load(around.server, around.request, { connections, seconds: slice / 2, warm }));
          const custom = await benchCase.run?.({ baseUrl: running.baseUrl, sql, data, duration, measure });
          appParts.push(custom ?? (await load(running, request, { connections, seconds: slice, warm })));
          refParts.push(await load(around.server, around.request, { connections, seconds: slice / 2, warm: false }));
        }
        const row = combine(label, appParts);
        const refRow = combine(`  reference ${versus.reference} around ${label}`, refParts);
        rows.push(row, refRow);
        comparisons.push({
          name: label,
          app: row,
          reference: refRow,
          referenceName: versus.reference,
          target: versus.target,
        });
      }
    }
    printTable(rows);
    console.log(`\n${duration} s per case, ${defaultConnections} connections unless a case says otherwise.`);
    for (const c of selected) console.log(`  ${c.name}: ${c.description}`);
    printRatios(new Map(rows.map((r) => [r.name, r])), small, await countAppointments(sql));
    printComparisons(comparisons);
    const failing = rows.filter((r) => r.failed > 0);
    if (failing.length) console.error(`\nRequests failed in: ${failing.map((r) => r.name).join(", ")}`);
    return failing.length ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
