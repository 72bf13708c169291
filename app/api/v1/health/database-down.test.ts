// PostgreSQL unreachable for a while, through a real TCP proxy between the app's database client and
// the server (testing/tcp-proxy.ts): health answers 503 unavailable within a second, other
// endpoints answer 503 quickly instead of hanging, and both recover by themselves when it is back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/v1/health/route";
import { GET as locations } from "@/app/api/v1/locations/route";
import { getDb } from "@/db/client";
import { call } from "@/testing/http";
import { TcpProxy } from "@/testing/tcp-proxy";

const onPostgres = Boolean(process.env.TEST_SERVER_DATABASE_URL);
// Many health checks from this one process; the per-IP limit is tested elsewhere.
process.env.RATE_LIMIT_API_PER_MINUTE = "1000000";

async function timed(request: () => Promise<{ status: number; headers: Headers; json: { error?: { code: string } } }>) {
  const startedAt = performance.now();
  const res = await request();
  return { ...res, ms: performance.now() - startedAt };
}

const checkHealth = () => timed(() => call(health, "GET", "/api/v1/health"));
const listLocations = () => timed(() => call(locations, "GET", "/api/v1/locations"));

function expectUnavailable(res: Awaited<ReturnType<typeof checkHealth>>) {
  expect(res.status).toBe(503);
  expect(res.json.error?.code).toBe("unavailable");
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
}

/** Polls until health answers 200: the app must reconnect by itself. */
async function recovered(deadlineMs = 10_000) {
  const startedAt = Date.now();
  while (Date.now() - startedAt < deadlineMs) {
    if ((await checkHealth()).status === 200) return Date.now() - startedAt;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("health did not recover");
}

describe.runIf(onPostgres)("the database unreachable (PostgreSQL through a TCP proxy)", () => {
  let proxy: TcpProxy;

  beforeAll(async () => {
    // This file's own database (setup.ts), reached through the proxy from the first connection on.
    const url = new URL(process.env.DATABASE_URL ?? "");
    proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    url.host = `127.0.0.1:${await proxy.start()}`;
    process.env.DATABASE_URL = url.toString();
    await getDb();
  });

  afterAll(async () => {
    await proxy.restore();
  });

  it("answers health 503 within a second while PostgreSQL is gone, and 200 again when it is back", async () => {
    expect((await checkHealth()).status).toBe(200);
    expect((await listLocations()).status).toBe(200);
    await proxy.cut();
    for (let i = 0; i < 3; i++) {
      const res = await checkHealth();
      expectUnavailable(res);
      expect(res.ms).toBeLessThan(1_000);
    }
    const other = await listLocations();
    expectUnavailable(other);
    expect(other.ms).toBeLessThan(2_000);
    await proxy.restore();
    await recovered();
    expect((await listLocations()).status).toBe(200);
  });

  it("answers health 503 within a second when the network goes silent, and recovers", async () => {
    expect((await checkHealth()).status).toBe(200);
    proxy.stall();
    for (let i = 0; i < 2; i++) {
      const res = await checkHealth();
      expectUnavailable(res);
      expect(res.ms).toBeLessThan(1_000);
    }
    await proxy.restore();
    await recovered();
  });
});
