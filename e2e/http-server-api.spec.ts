// Our HTTP server in front of the production build, as `npm start` and the container image run it
// (scripts/serve.ts), in a second instance of its own with a per-IP budget small enough to spend:
// a forged X-Forwarded-For gets no budget of its own, paths Next.js's router cannot decode answer
// 400 with our headers, and SIGTERM stops the process.
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { freePort } from "../scripts/bench/server";
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const root = path.join(import.meta.dirname, "..");
const dataDir = path.join(root, ".data", `e2e-server-${process.pid}`);
const BUDGET = 5;
const PROXY_ADDRESS = "127.0.0.2";
let server: ChildProcess;
let exited: Promise<number | null>;
let baseUrl: string;

async function waitForHealth() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("the server exited before it became healthy");
    const ok = await fetch(`${baseUrl}/api/v1/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not become healthy within 60 s");
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // On PGlite a folder of its own (the suite's server holds the other); on PostgreSQL the same database.
  const database = process.env.DATABASE_URL ? {} : { PGLITE_DATA_DIR: dataDir };
  server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      ...database,
      RATE_LIMIT_API_PER_MINUTE: String(BUDGET),
      LOG_LEVEL: "error",
      // 127.0.0.2 plays a balancer in front of the app; every other peer is a direct caller.
      TRUST_PROXY: PROXY_ADDRESS,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  await waitForHealth();
});

test.afterAll(async () => {
  if (server.exitCode === null) server.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.lock`, { recursive: true, force: true });
});

/** GET health from a chosen local address (all of 127.0.0.0/8 is this machine on Linux); the status. */
function healthFrom(localAddress: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/api/v1/health`, { localAddress, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

test("requests with different forged X-Forwarded-For share one per-IP budget", async () => {
  const statuses: number[] = [];
  for (let i = 1; i <= BUDGET + 1; i++) {
    const res = await fetch(`${baseUrl}/api/v1/health`, {
      headers: {
        "X-Forwarded-For": `203.0.113.${i}`,
        "X-Slotwise-Client-Ip": `198.51.100.${i}`,
        "X-Real-Ip": "1.1.1.1",
      },
    });
    statuses.push(res.status);
  }
  // The health check that saw the server up spent one already.
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
});

test("behind the trusted proxy, each address it appends has a budget of its own", async () => {
  const client = (ip: string) => healthFrom(PROXY_ADDRESS, { "X-Forwarded-For": `6.6.6.6, ${ip}` });
  const statuses: number[] = [];
  for (let i = 0; i <= BUDGET; i++) statuses.push(await client("203.0.113.50"));
  expect(statuses.slice(0, BUDGET)).toEqual(Array(BUDGET).fill(200));
  expect(statuses[BUDGET]).toBe(429);
  // Another client behind the same proxy, and a forged private header does not move the first one.
  expect(await client("203.0.113.51")).toBe(200);
  const forged = { "X-Forwarded-For": "203.0.113.50", "X-Slotwise-Client-Ip": "198.51.100.77" };
  expect(await healthFrom(PROXY_ADDRESS, forged)).toBe(429);
});

for (const badPath of ["/api/v1/locations/%ZZ", "/api/docs/%ZZ", "/workers/%ZZ"]) {
  test(`${badPath} answers 400 with the security headers and a request id`, async () => {
    const res = await fetch(`${baseUrl}${badPath}`, { headers: { "X-Request-Id": "e2e-bad-path" } });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-request-id")).toBe("e2e-bad-path");
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    if (badPath.startsWith("/api/")) expect((await res.json()).error.code).toBe("validation_failed");
    else expect(res.headers.get("content-type")).toContain("text/html");
  });
}

test("SIGTERM stops the server and the process exits", async () => {
  server.kill("SIGTERM");
  const code = await Promise.race([
    exited,
    new Promise((resolve) => setTimeout(() => resolve("still running"), 15_000)),
  ]);
  expect(code).toBe(0);
  await expect(fetch(`${baseUrl}/api/v1/health`)).rejects.toThrow();
});
