// Password reset by email, end to end on this file's database (PGlite or PostgreSQL): the request
// enqueues its job, real workers of the job queue run it and send the message to a real SMTP server
// started here (smtp-server); the link is read from the mail as it arrived (mailparser) and used.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as confirmRoute } from "@/app/api/v1/auth/password-reset/confirm/route";
import { POST as resetRoute } from "@/app/api/v1/auth/password-reset/route";
import { POST as registerRoute } from "@/app/api/v1/auth/register/route";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { POST as verifyRoute } from "@/app/api/v1/auth/verify-email/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { handlers } from "@/lib/jobs/handlers";
import { queues } from "@/lib/jobs/queues";
import { createJobs, type Jobs } from "@/lib/jobs/runtime";
import { call } from "@/testing/http";
import { startTestSmtp, type TestSmtp } from "@/testing/smtp";

const wait = { timeout: 20_000, interval: 100 };
let smtp: TestSmtp;

const fast = { retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 30 };
const testQueues = {
  "notification-send": { ...queues["notification-send"], settings: fast },
  "account-password-reset": { ...queues["account-password-reset"], settings: fast },
};
let jobs: Jobs;

beforeAll(async () => {
  smtp = await startTestSmtp();
  jobs = await createJobs({
    queues: testQueues,
    handlers: {
      "notification-send": handlers["notification-send"],
      "account-password-reset": handlers["account-password-reset"],
    },
    work: true,
    tuning: { pollingIntervalSeconds: 0.5 },
  });
});

afterAll(async () => {
  await jobs.stop();
  await smtp.close();
});

const mailsTo = (address: string) => smtp.mailsTo(address.toLowerCase());
const tokenIn = (mail: ParsedMail, page: string) => {
  const match = mail.text?.match(new RegExp(`https://book\\.example\\.test${page}#token=([A-Za-z0-9_-]{43})`));
  if (!match?.[1]) throw new Error(`no ${page} link in the mail`);
  return match[1];
};

describe("password reset by email", () => {
  it("registers, verifies the address from the mail, resets the password from another mail, and signs in with it", async () => {
    const email = `mailbox-${randomUUID()}@example.test`;
    const password = "first passphrase";
    const registered = await call(registerRoute, "POST", "/api/v1/auth/register", {
      body: { email, password, name: "Mail Reader" },
    });
    expect(registered.status).toBe(201);
    const bearer = (await call(tokenRoute, "POST", "/api/v1/auth/token", { body: { email, password } })).json
      .accessToken as string;

    await vi.waitFor(() => expect(mailsTo(email)).toHaveLength(1), wait);
    const verification = mailsTo(email)[0]?.mail as ParsedMail;
    expect(verification.subject).toMatch(/confirm your email address/);
    expect(verification.html).toContain('href="https://book.example.test/verify-email#token=');
    const verifyToken = tokenIn(verification, "/verify-email");
    expect(
      (await call(verifyRoute, "POST", "/api/v1/auth/verify-email", { body: { token: verifyToken } })).status,
    ).toBe(200);
    expect((await call(meRoute, "GET", "/api/v1/me", { token: bearer })).json.emailVerified).toBe(true);

    const asked = await call(resetRoute, "POST", "/api/v1/auth/password-reset", { body: { email } });
    expect(asked.status).toBe(202);
    await vi.waitFor(() => expect(mailsTo(email)).toHaveLength(2), wait);
    const reset = mailsTo(email)[1]?.mail as ParsedMail;
    expect(reset.subject).toMatch(/reset your password/);
    expect(reset.from?.text).toContain("salon@example.test");
    const token = tokenIn(reset, "/reset-password");
    // The code is written out too, for a browser that cannot read the link's fragment.
    expect(reset.text).toContain(`enter: ${token}`);
    // Once sent, the stored message no longer holds the token.
    const db = await getDb();
    await vi.waitFor(async () => {
      const [row] = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.toAddress, email), eq(notifications.kind, "password_reset")));
      expect(row?.status).toBe("sent");
      expect(row?.text).not.toContain(token);
      expect(row?.html).not.toContain(token);
      expect(row?.text).toContain("/reset-password#token=[removed]");
    }, wait);

    const confirmed = await call(confirmRoute, "POST", "/api/v1/auth/password-reset/confirm", {
      body: { token, password: "second passphrase" },
    });
    expect(confirmed.status).toBe(200);
    expect((await call(meRoute, "GET", "/api/v1/me", { token: bearer })).status).toBe(401);
    const signedIn = await call(tokenRoute, "POST", "/api/v1/auth/token", {
      body: { email, password: "second passphrase" },
    });
    expect(signedIn.status).toBe(200);
  });

  it("sends nothing for an address without an account", async () => {
    const email = `nobody-${randomUUID()}@example.test`;
    const asked = await call(resetRoute, "POST", "/api/v1/auth/password-reset", { body: { email } });
    expect(asked.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(mailsTo(email)).toEqual([]);
  });
});
