// The per-account count of wrong passwords must survive Redis going away mid-window: a Redis server
// of this file's own is started, spent against, then killed. The per-IP budget is out of the way.
process.env.RATE_LIMIT_AUTH_PER_15_MIN = "100000";

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { insertUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { redisReady } from "@/lib/rate-limit/store";
import { call } from "@/testing/http";

const PASSWORD = "the right passphrase";
const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const signIn = (email: string, password: string) =>
  call(token, "POST", "/api/v1/auth/token", {
    body: { email, password },
    headers: { "x-forwarded-for": "203.0.113.90" },
  });

describe.runIf(hasRedisServer)("per-account sign-in budget when Redis dies mid-window", () => {
  let redis: ChildProcess | undefined;

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    // The limiters read REDIS_URL when first used, which is after this.
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    await redisReady(process.env.REDIS_URL);
  });

  afterAll(() => {
    redis?.kill("SIGKILL");
  });

  it("refuses with 503 and Retry-After instead of starting the count again, and never checks a password", async () => {
    const email = `redis-down-${crypto.randomUUID()}@example.test`;
    await insertUser({ email, name: "Guessed", role: "client", passwordHash: await hashPassword(PASSWORD) });
    for (let i = 0; i < 3; i++) expect((await signIn(email, `wrong ${i}`)).status).toBe(401);

    const exited = new Promise((resolve) => redis?.once("exit", resolve));
    redis?.kill("SIGKILL");
    await exited;

    const refused = await signIn(email, "wrong again");
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe("unavailable");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // A burst while the count cannot be read: nothing reaches the password check, right or wrong.
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(email, i === 30 ? PASSWORD : `wrong ${i}`)),
    );
    expect(new Set(burst.map((res) => res.status))).toEqual(new Set([503]));
  });
});
