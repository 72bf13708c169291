// Set before the limiters are first used (they read their budgets once per process).
process.env.RATE_LIMIT_AUTH_PER_15_MIN = "8";
process.env.RATE_LIMIT_API_PER_MINUTE = "30";

import { beforeAll, describe, expect, it } from "vitest";
import { POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { GET as health } from "@/app/api/v1/health/route";
import { insertUser } from "@/db/queries/users";
import { CLIENT_ADDRESS_HEADER, trustClientAddressHeader } from "@/lib/api/client-ip";
import { hashPassword } from "@/lib/auth/password";
import { call } from "@/testing/http";

// Callers are told apart as our HTTP server tells them apart: it resolves each request's address from
// the socket (lib/server) and hands it to the app in this header, which the app then believes.
trustClientAddressHeader();
const from = (ip: string) => ({ [CLIENT_ADDRESS_HEADER]: ip });

const PASSWORD = "the right passphrase";
let ipCounter = 0;
/** A fresh client address, so the per-IP budget does not get in the way of per-account tests. */
const freshIp = () => from(`203.0.113.${++ipCounter}`);

async function account() {
  const email = `limit-${crypto.randomUUID()}@example.test`;
  await insertUser({ email, name: "Limited", role: "client", passwordHash: await hashPassword(PASSWORD) });
  return email;
}

const signIn = (email: string, password: string) =>
  call(token, "POST", "/api/v1/auth/token", { body: { email, password }, headers: freshIp() });

describe("rate limits on sign-in", () => {
  let email: string;
  beforeAll(async () => {
    email = await account();
  });

  it("answers the 6th wrong password for one account within 15 minutes with 429 and Retry-After", async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(email, "wrong password")).status).toBe(401);
    const sixth = await signIn(email, "wrong password");
    expect(sixth.status).toBe(429);
    expect(sixth.json.error.code).toBe("rate_limited");
    const retryAfter = Number(sixth.headers.get("retry-after"));
    // The lock lasts what is left of the 15-minute window, no longer.
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // While locked even the right password waits, so guessing cannot go on.
    expect((await signIn(email, PASSWORD)).status).toBe(429);
  });

  it("does not lock out other accounts", async () => {
    const other = await account();
    expect((await signIn(other, PASSWORD)).status).toBe(200);
  });

  it("lets the right password in before the limit, giving back only its own check", async () => {
    const fresh = await account();
    for (let i = 0; i < 4; i++) await signIn(fresh, "typo");
    expect((await signIn(fresh, PASSWORD)).status).toBe(200);
    expect((await signIn(fresh, PASSWORD)).status).toBe(200);
    expect((await signIn(fresh, "typo again")).status).toBe(401);
    expect((await signIn(fresh, PASSWORD)).status).toBe(429);
  });

  it("limits token and register requests per IP together", async () => {
    const headers = from("198.51.100.7");
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await call(token, "POST", "/api/v1/auth/token", { body: { email: "x@y.test" }, headers })).status);
      statuses.push((await call(register, "POST", "/api/v1/auth/register", { body: {}, headers })).status);
    }
    // A budget of 8 per IP: the first eight are judged on their merits (400), the rest are refused.
    expect(statuses.slice(0, 8).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429]);
    const elsewhere = await call(register, "POST", "/api/v1/auth/register", { body: {}, headers: freshIp() });
    expect(elsewhere.status).toBe(400);
  });
});

describe("rate limits on the browser sign-in", () => {
  it("shares the IP budget with the token endpoint and answers 429 the login form understands", async () => {
    const headers = from("198.51.100.44");
    for (let i = 0; i < 8; i++) await call(token, "POST", "/api/v1/auth/token", { body: {}, headers });
    const res = await call(nextAuthPost as never, "POST", "/api/auth/callback/credentials", {
      rawBody: "email=a%40b.test&password=x",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      params: { nextauth: ["callback", "credentials"] },
    });
    expect(res.status).toBe(429);
    expect(res.json.error.code).toBe("rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    // next-auth's signIn() reads the error from `url`; the form then shows "too many attempts".
    expect(new URL(res.json.url).searchParams.get("error")).toBe("rate_limited");
  });
});

describe("general API rate limit", () => {
  it("answers 429 with Retry-After once one IP spends its per-minute budget", async () => {
    const headers = from("192.0.2.99");
    for (let i = 0; i < 30; i++) expect((await call(health, "GET", "/api/v1/health", { headers })).status).toBe(200);
    const over = await call(health, "GET", "/api/v1/health", { headers });
    expect(over.status).toBe(429);
    expect(over.json.error.code).toBe("rate_limited");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(health, "GET", "/api/v1/health", { headers: freshIp() })).status).toBe(200);
  });
});
