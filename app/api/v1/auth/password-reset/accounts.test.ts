// Password reset and email verification through the API (API.md "v1 extensions" → Accounts), on this
// file's database (PGlite, or PostgreSQL with DATABASE_URL). The reset job is run by hand here (the
// SMTP round trip, with real workers, is lib/accounts/mail.test.ts); the tokens are read from the
// messages planned, as a mailbox would.
process.env.RATE_LIMIT_PASSWORD_RESET_PER_IP_HOUR = "5";
process.env.RATE_LIMIT_PASSWORD_RESET_PER_EMAIL_HOUR = "2";
process.env.RATE_LIMIT_VERIFY_RESEND_PER_HOUR = "2";

import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as confirmRoute } from "@/app/api/v1/auth/password-reset/confirm/route";
import { POST as resetRoute } from "@/app/api/v1/auth/password-reset/route";
import { POST as registerRoute } from "@/app/api/v1/auth/register/route";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { POST as resendRoute } from "@/app/api/v1/auth/verify-email/resend/route";
import { POST as verifyRoute } from "@/app/api/v1/auth/verify-email/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { getDb, queryRows } from "@/db/client";
import { insertUser, updateUser } from "@/db/queries/users";
import { accountTokens, notifications } from "@/db/schema";
import { sendPasswordResetLink } from "@/lib/accounts/password-reset";
import { CLIENT_ADDRESS_HEADER, trustClientAddressHeader } from "@/lib/api/client-ip";
import { hashPassword } from "@/lib/auth/password";
import { accountOfClient } from "@/lib/people/clients";
import { makeClient } from "@/testing/fixtures";
import { call } from "@/testing/http";

const db = await getDb();
trustClientAddressHeader();
let ipCounter = 0;
const freshIp = () => ({ [CLIENT_ADDRESS_HEADER]: `198.51.100.${++ipCounter}` });
const OLD_PASSWORD = "old passphrase 1";
const NEW_PASSWORD = "new passphrase 2";

async function account(role: "client" | "manager" = "client") {
  const email = `acct-${randomUUID()}@example.test`;
  const user = await insertUser({ email, name: "Ada", role, passwordHash: await hashPassword(OLD_PASSWORD) });
  return { user, email };
}

const ask = (email: string, headers = freshIp()) =>
  call(resetRoute, "POST", "/api/v1/auth/password-reset", { body: { email }, headers });
const confirm = (token: unknown, password = NEW_PASSWORD) =>
  call(confirmRoute, "POST", "/api/v1/auth/password-reset/confirm", { body: { token, password }, headers: freshIp() });
const verify = (token: unknown) =>
  call(verifyRoute, "POST", "/api/v1/auth/verify-email", { body: { token }, headers: freshIp() });
const signIn = (email: string, password: string) =>
  call(tokenRoute, "POST", "/api/v1/auth/token", { body: { email, password }, headers: freshIp() });
const me = (token: string) => call(meRoute, "GET", "/api/v1/me", { token });

/** The reset jobs enqueued for the address (pg-boss's table), newest last. */
async function resetJobs(email: string) {
  return queryRows<{ id: string; data: { email: string; locale: "en" | "ru" | null } }>(
    db,
    sql`select id, data from pgboss.job where name = 'account-password-reset' and data->>'email' = ${email} order by created_on`,
  );
}

/** The token in the newest message of `kind` to `email`, read from its text as from a mailbox. */
async function tokenFromMail(email: string, kind: "password_reset" | "email_verification") {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.toAddress, email), eq(notifications.kind, kind)))
    .orderBy(notifications.createdAt);
  const last = rows.at(-1);
  const token = last?.text.match(/#token=([A-Za-z0-9_-]{43})/)?.[1];
  if (!last || !token) throw new Error(`no ${kind} message to ${email}`);
  expect(last.text).toContain(`Enter: ${token}`.replace("Enter", "enter"));
  return { token, message: last };
}

/** Asks for a reset of `email` and runs the job it enqueued, as a worker would. */
async function resetLink(email: string) {
  expect((await ask(email)).status).toBe(202);
  const job = (await resetJobs(email)).at(-1);
  if (!job) throw new Error("no reset job");
  await sendPasswordResetLink(job.data, { id: job.id });
  return tokenFromMail(email, "password_reset");
}

afterEach(() => {
  vi.useRealTimers();
});

describe("POST /auth/password-reset", () => {
  it("answers 202 with the same body, and enqueues the same job, whether or not the address is known", async () => {
    const { email } = await account();
    const unknown = `nobody-${randomUUID()}@example.test`;
    const known = await ask(email);
    const stranger = await ask(unknown);
    expect(known.status).toBe(202);
    expect(stranger.status).toBe(202);
    expect(stranger.json).toEqual(known.json);
    expect([...known.headers.keys()].sort()).toEqual([...stranger.headers.keys()].sort());
    expect(await resetJobs(email)).toHaveLength(1);
    expect(await resetJobs(unknown)).toHaveLength(1);
    // Only the job finds out: the unknown address gets no message and no token.
    const [job] = await resetJobs(unknown);
    expect(await sendPasswordResetLink(job?.data ?? { email: unknown, locale: null }, { id: job?.id ?? "" })).toEqual({
      planned: false,
    });
    expect(await db.select().from(notifications).where(eq(notifications.toAddress, unknown))).toEqual([]);
  });

  it("plans one message per job however often the job runs, and stores only the token's hash", async () => {
    const { email, user } = await account();
    expect((await ask(email)).status).toBe(202);
    const [job] = await resetJobs(email);
    if (!job) throw new Error("no job");
    expect(await sendPasswordResetLink(job.data, { id: job.id })).toEqual({ planned: true });
    expect(await sendPasswordResetLink(job.data, { id: job.id })).toEqual({ planned: false });
    const { token, message } = await tokenFromMail(email, "password_reset");
    expect(message.appointmentId).toBeNull();
    expect(message.userId).toBe(user.id);
    expect(message.text).toContain(`/reset-password#token=${token}`);
    const stored = await db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((stored[0]?.expiresAt.getTime() ?? 0) - (stored[0]?.createdAt.getTime() ?? 0)).toBe(60 * 60 * 1000);
  });

  it("sends nothing to a blocked account", async () => {
    const { email, user } = await account();
    await updateUser(user.id, { blocked: true });
    expect((await ask(email)).status).toBe(202);
    const [job] = await resetJobs(email);
    expect(await sendPasswordResetLink(job?.data ?? { email, locale: null }, { id: job?.id ?? "" })).toEqual({
      planned: false,
    });
  });

  it("refuses a client IP's requests beyond its budget with 429", async () => {
    const headers = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask(`x${i}-${randomUUID()}@example.test`, headers)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect((await ask(`y-${randomUUID()}@example.test`)).status).toBe(202);
  });

  it("sends an address at most its budget of links, answering 202 all the same", async () => {
    const { email } = await account();
    const answers = [await ask(email), await ask(email.toUpperCase()), await ask(email)];
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(answers[2]?.json).toEqual(answers[0]?.json);
    const jobs = [...(await resetJobs(email)), ...(await resetJobs(email.toUpperCase()))];
    expect(jobs).toHaveLength(2);
  });

  it("checks the body: 400 for a missing or malformed email", async () => {
    const res = await call(resetRoute, "POST", "/api/v1/auth/password-reset", { body: {}, headers: freshIp() });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
  });
});

describe("POST /auth/password-reset/confirm", () => {
  it("sets the new password, ends every session and token of the user, and works once", async () => {
    const { email } = await account();
    const signedIn = await signIn(email, OLD_PASSWORD);
    expect(signedIn.status).toBe(200);
    const oldBearer = signedIn.json.accessToken as string;
    expect((await me(oldBearer)).status).toBe(200);

    const first = await resetLink(email);
    const second = await resetLink(email);
    const done = await confirm(second.token);
    expect(done.status).toBe(200);
    expect(done.json).toEqual({ ok: true });

    expect((await me(oldBearer)).status).toBe(401);
    expect((await signIn(email, OLD_PASSWORD)).status).toBe(401);
    const fresh = await signIn(email, NEW_PASSWORD);
    expect(fresh.status).toBe(200);
    // The link reached the mailbox: the address counts as verified.
    expect((await me(fresh.json.accessToken)).json.emailVerified).toBe(true);

    // Used, and the other link of the same user is spent with it.
    const again = await confirm(second.token, "another passphrase");
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe("invalid_token");
    expect((await confirm(first.token, "another passphrase")).json.error?.code).toBe("invalid_token");
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });

  it("uses a token once however many tries arrive together", async () => {
    const { email } = await account();
    const { token } = await resetLink(email);
    const answers = await Promise.all([1, 2, 3, 4].map((i) => confirm(token, `concurrent passphrase ${i}`)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400]);
  });

  it("refuses a token after its hour", async () => {
    const { email, user } = await account();
    const { token } = await resetLink(email);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 60 * 60 * 1000 + 1000 });
    const late = await confirm(token);
    expect(late.status).toBe(400);
    expect(late.json.error.code).toBe("invalid_token");
    // A new link for the user takes the place of the expired one's row.
    const stale = await db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(stale).toHaveLength(1);
    await resetLink(email);
    const rows = await db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(stale[0]?.id);
    vi.useRealTimers();
    expect((await signIn(email, OLD_PASSWORD)).status).toBe(200);
  });

  it("works a minute before the hour ends", async () => {
    const { email } = await account();
    const { token } = await resetLink(email);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 59 * 60 * 1000 });
    expect((await confirm(token)).status).toBe(200);
  });

  it("answers 400, never 500, for tokens that are not ours", async () => {
    const odd = [
      "",
      "short",
      "x".repeat(43).replace(/x$/, "!"),
      "é".repeat(43),
      "\u{1F600}".repeat(20),
      "A".repeat(43),
      "A".repeat(512),
      "A".repeat(513),
      "A".repeat(100_00),
      "../../etc/passwd",
      "%00%00",
      12345,
      null,
      ["A".repeat(43)],
      { token: "x" },
    ];
    for (const token of odd) {
      const res = await confirm(token);
      expect(res.status, JSON.stringify(token).slice(0, 40)).toBe(400);
      expect(["invalid_token", "validation_failed"]).toContain(res.json.error.code);
      const v = await verify(token);
      expect(v.status).toBe(400);
    }
    expect((await confirm("A".repeat(43))).json.error.code).toBe("invalid_token");
  });

  it("follows registration's password rules", async () => {
    const { email } = await account();
    const { token } = await resetLink(email);
    const weak = await confirm(token, "short");
    expect(weak.status).toBe(400);
    expect(weak.json.error.code).toBe("validation_failed");
    // The token was not spent by the refused try.
    expect((await confirm(token)).status).toBe(200);
  });

  it("does not take a verification token", async () => {
    const registered = await register();
    const { token } = await tokenFromMail(registered.email, "email_verification");
    expect((await confirm(token)).json.error.code).toBe("invalid_token");
    expect((await verify(token)).status).toBe(200);
  });
});

async function register() {
  const email = `reg-${randomUUID()}@example.test`;
  const res = await call(registerRoute, "POST", "/api/v1/auth/register", {
    body: { email, password: OLD_PASSWORD, name: "Grace" },
    headers: freshIp(),
  });
  expect(res.status).toBe(201);
  const bearer = (await signIn(email, OLD_PASSWORD)).json.accessToken as string;
  return { email, bearer, userId: res.json.user.id as string };
}

describe("email verification", () => {
  it("registration emails a link; POST /auth/verify-email sets emailVerified in GET /me, once", async () => {
    const { email, bearer } = await register();
    const before = await me(bearer);
    expect(before.status).toBe(200);
    expect(before.json.emailVerified).toBe(false);
    const { token, message } = await tokenFromMail(email, "email_verification");
    expect(message.text).toContain(`/verify-email#token=${token}`);
    expect(message.status).toBe("pending");

    const res = await verify(token);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    expect((await me(bearer)).json.emailVerified).toBe(true);
    const again = await verify(token);
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe("invalid_token");
  });

  it("refuses an expired verification token", async () => {
    const { email, bearer } = await register();
    const { token } = await tokenFromMail(email, "email_verification");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61 * 60 * 1000 });
    expect((await verify(token)).json.error.code).toBe("invalid_token");
    vi.useRealTimers();
    expect((await me(bearer)).json.emailVerified).toBe(false);
  });

  it("resends a link on request, within the user's budget; none once verified", async () => {
    const { email, bearer } = await register();
    const resend = () => call(resendRoute, "POST", "/api/v1/auth/verify-email/resend", { token: bearer });
    const first = await resend();
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ status: "sent" });
    expect((await resend()).status).toBe(200);
    const third = await resend();
    expect(third.status).toBe(429);
    expect(third.json.error.code).toBe("rate_limited");
    const { token } = await tokenFromMail(email, "email_verification");
    expect((await verify(token)).status).toBe(200);
    expect((await resend()).json).toEqual({ status: "already_verified" });
    expect((await call(resendRoute, "POST", "/api/v1/auth/verify-email/resend")).status).toBe(401);
  });

  it("offers the desk a record's same-email account for linking only once it is verified", async () => {
    const { email, userId } = await register();
    const desk = await makeClient("Desk Grace");
    const record = { ...desk, email, userId: null };
    expect((await accountOfClient(record)).candidate).toBeUndefined();
    const { token } = await tokenFromMail(email, "email_verification");
    expect((await verify(token)).status).toBe(200);
    expect((await accountOfClient(record)).candidate?.id).toBe(userId);
  });
});

beforeAll(async () => {
  process.env.APP_URL = "https://book.example.test";
});
