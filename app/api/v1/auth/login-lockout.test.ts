// A large per-IP budget, so only the per-account count decides here (set before the limiters are
// first used: they read their budgets once per process). With REDIS_URL the counts live in Redis.
process.env.RATE_LIMIT_AUTH_PER_15_MIN = "100000";

import { beforeAll, describe, expect, it } from "vitest";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { insertUser } from "@/db/queries/users";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { redisReady } from "@/lib/rate-limit/store";
import { call } from "@/testing/http";

const PASSWORD = "the right passphrase";
const headers = { "x-forwarded-for": "203.0.113.77" };

async function account() {
  const email = `lockout-${crypto.randomUUID()}@example.test`;
  await insertUser({ email, name: "Guessed", role: "client", passwordHash: await hashPassword(PASSWORD) });
  return email;
}

const viaToken = async (email: string, password: string) =>
  (await call(token, "POST", "/api/v1/auth/token", { body: { email, password }, headers })).status;

/**
 * The browser sign-in's check: next-auth's credentials provider calls this `authorize` (the route
 * itself needs Next's request scope for its cookies). Answers the error name next-auth would put in
 * the login page's URL: a thrown message, or CredentialsSignin for a refused (null) sign-in.
 */
async function viaNextAuth(email: string, password: string): Promise<string> {
  const provider = authOptions().providers[0] as unknown as {
    options: { authorize: (raw: Record<string, string>) => Promise<unknown> };
  };
  try {
    return (await provider.options.authorize({ email, password })) ? "signed-in" : "CredentialsSignin";
  } catch (err) {
    return (err as Error).message;
  }
}

const tally = (items: (string | number)[]) =>
  items.reduce<Record<string, number>>((acc, item) => {
    acc[item] = (acc[item] ?? 0) + 1;
    return acc;
  }, {});

describe(`per-account sign-in budget under concurrency (${process.env.REDIS_URL ? "Redis" : "in memory"})`, () => {
  beforeAll(async () => {
    if (process.env.REDIS_URL) await redisReady(process.env.REDIS_URL);
  });

  it("checks at most 5 passwords of 120 wrong ones sent at once, then refuses the right one too", async () => {
    const email = await account();
    const statuses = await Promise.all(Array.from({ length: 120 }, (_, i) => viaToken(email, `wrong ${i}`)));
    // Each 401 is one argon2 verification; everything past the budget is refused before it.
    expect(tally(statuses)).toEqual({ 401: 5, 429: 115 });
    expect(await viaToken(email, PASSWORD)).toBe(429);
  });

  it("lets no more than 5 tries reach the password check when the right one is among 120 at once", async () => {
    const email = await account();
    const passwords = Array.from({ length: 120 }, (_, i) => (i === 60 ? PASSWORD : `wrong ${i}`));
    const statuses = await Promise.all(passwords.map((password) => viaToken(email, password)));
    const counts = tally(statuses);
    expect((counts[401] ?? 0) + (counts[200] ?? 0)).toBeLessThanOrEqual(5);
    expect(counts[429]).toBeGreaterThanOrEqual(115);
  });

  it("counts the browser sign-in and the token endpoint against one budget", async () => {
    const email = await account();
    const errors = await Promise.all(Array.from({ length: 60 }, (_, i) => viaNextAuth(email, `wrong ${i}`)));
    expect(tally(errors)).toEqual({ CredentialsSignin: 5, rate_limited: 55 });
    expect(await viaToken(email, PASSWORD)).toBe(429);
    expect(await viaNextAuth(email, PASSWORD)).toBe("rate_limited");
  });

  it("gives back only the right password's own check, so a sign-in hands a guesser nothing", async () => {
    const email = await account();
    await Promise.all(Array.from({ length: 4 }, () => viaToken(email, "typo")));
    expect(await viaNextAuth(email, PASSWORD)).toBe("signed-in");
    expect(tally(await Promise.all(Array.from({ length: 6 }, () => viaToken(email, "typo"))))).toEqual({
      401: 1,
      429: 5,
    });
  });
});
