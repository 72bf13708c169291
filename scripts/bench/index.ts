// `npm run bench [-- CASE...]`: starts the production app on a fresh PostgreSQL database and loads
// each case in cases.ts with autocannon, then prints requests per second and latency percentiles.
// Environment: BENCH_DURATION (seconds per case, default 10), BENCH_CONNECTIONS (default 10),
// BENCH_DATABASE_URL (use that database as it is instead of creating and dropping one).
// Loopback only: the server is started here and is the only target. Never part of `npm test`.
import autocannon from "autocannon";
import { type BenchCase, cases } from "./cases";
import { type BenchDatabase, type BenchServer, benchDatabase, freePort, startServer } from "./server";

type Row = { name: string; reqPerSec: number; p50: number; p99: number; requests: number; failed: number };

const duration = Number(process.env.BENCH_DURATION ?? 10);
const defaultConnections = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function runCase(baseUrl: string, benchCase: BenchCase): Promise<Row> {
  const request = { ...benchCase.request, ...(await benchCase.prepare?.(baseUrl)) };
  console.log(`\n▶ ${benchCase.name}: ${request.method ?? "GET"} ${request.path} for ${duration} s`);
  const target = {
    url: baseUrl + request.path,
    method: request.method ?? "GET",
    headers: request.headers,
    body: request.body,
  };
  // A short warm-up so the first load of lazily required server code is not in the numbers.
  await autocannon({ ...target, connections: 2, amount: 50 });
  const result = await autocannon({ ...target, connections: benchCase.connections ?? defaultConnections, duration });
  return {
    name: benchCase.name,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failed: result.non2xx + result.errors,
  };
}

function printTable(rows: Row[]) {
  const header = ["case", "req/s", "p50 ms", "p99 ms", "requests", "non-2xx+errors"];
  const lines = rows.map((r) => [
    r.name,
    r.reqPerSec.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    String(r.requests),
    String(r.failed),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  console.log(`\n${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const line of lines) console.log(format(line));
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
  let interrupted = false;
  let cleaning: Promise<void> | undefined;
  // Once only, whether the run ends, fails or is interrupted half-way through starting.
  const cleanup = () => {
    cleaning ??= (async () => {
      await server?.stop();
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
    database = benchDatabase();
    const { url } = await database;
    server = startServer(url, await freePort());
    await server.ready;
    const rows: Row[] = [];
    for (const benchCase of selected) {
      if (interrupted) break;
      rows.push(await runCase(server.baseUrl, benchCase));
    }
    if (interrupted) return 130;
    printTable(rows);
    console.log(`\n${duration} s per case, ${defaultConnections} connections unless a case says otherwise.`);
    for (const c of selected) console.log(`  ${c.name}: ${c.description}`);
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
