// Our HTTP server in front of the production build, as `npm start` and the container image run it
// (scripts/serve.ts), in a second instance of its own with a per-IP budget small enough to spend:
// a forged X-Forwarded-For gets no budget of its own, paths Next.js's router cannot decode answer
// 400 with our headers, and SIGTERM stops the process.
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { freePort } from "../scripts/bench/server";
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const root = path.join(import.meta.dirname, "..");
const dataDir = path.join(root, ".data", `e2e-server-${process.pid}`);
const BUDGET = 5;
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
    env: { ...process.env, ...database, RATE_LIMIT_API_PER_MINUTE: String(BUDGET), LOG_LEVEL: "error" },
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
