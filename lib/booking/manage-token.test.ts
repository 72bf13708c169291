// Manage-link tokens (API.md "Tokens are 32+ random bytes, stored hashed"), on this file's database
// (PGlite, or PostgreSQL with DATABASE_URL): a booking makes 32 random bytes, stores only their
// SHA-256, and hands the token to the mail sealed (AES-256-GCM) in the notify job; the stored message
// holds a placeholder, and the token is put in only as the message goes to a real SMTP server
// (testing/smtp.ts) started here. Unknown, spent (cancelled) and expired (ended) tokens answer 400
// invalid_token; a token of the earlier HMAC scheme still opens its appointment; a move mails a
// fresh token; the request log never prints one.
import { createHash, createHmac, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/v1/appointments/[id]/cancel/route";
import * as appointmentRoutes from "@/app/api/v1/appointments/[id]/route";
import { getDb, queryRows } from "@/db/client";
import { appointments, manageTokens, notifications } from "@/db/schema";
import { CLIENT_ADDRESS_HEADER, trustClientAddressHeader } from "@/lib/api/client-ip";
import { authSecret } from "@/lib/auth/secret";
import { MANAGE_TOKEN_PLACEHOLDER } from "@/lib/notifications/manage-link";
import { planAppointmentMessages } from "@/lib/notifications/notify";
import { sendNotification } from "@/lib/notifications/send";
import { appointmentsApi as api, bookingScene } from "@/testing/booking";
import { call } from "@/testing/http";
import { startTestSmtp, type TestSmtp } from "@/testing/smtp";
import { newManageToken, openManageToken, sealManageToken } from "./manage-token";

trustClientAddressHeader();
let ip = 0;
const freshIp = () => ({ [CLIENT_ADDRESS_HEADER]: `198.51.100.${(++ip % 250) + 1}` });
const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");
const TOKEN_IN_LINK = /\/appointments\/[^/\s"]+\/manage#token=([A-Za-z0-9_-]{43})/;

let smtp: TestSmtp;
let scene: Awaited<ReturnType<typeof bookingScene>>;

beforeAll(async () => {
  smtp = await startTestSmtp();
  scene = await bookingScene();
});

afterAll(async () => {
  await smtp.close();
});

const guestEmail = () => `guest-${randomUUID()}@example.test`;

const manage = {
  get: (id: string, token: string) =>
    call(appointmentRoutes.GET, "GET", `/api/v1/appointments/${id}?token=${encodeURIComponent(token)}`, {
      params: { id },
    }),
  patch: (id: string, token: string, body: unknown) =>
    call(appointmentRoutes.PATCH, "PATCH", `/api/v1/appointments/${id}?token=${encodeURIComponent(token)}`, {
      params: { id },
      body,
    }),
  cancel: (id: string, token: string) =>
    call(cancelRoute.POST, "POST", `/api/v1/appointments/${id}/cancel?token=${encodeURIComponent(token)}`, {
      params: { id },
    }),
};

async function expectRefused(id: string, token: string) {
  const read = await manage.get(id, token);
  expect(read.status).toBe(400);
  expect(read.json.error.code).toBe("invalid_token");
  const moved = await manage.patch(id, token, { start: scene.slot(300).start });
  expect(moved.json.error.code).toBe("invalid_token");
  expect((await manage.cancel(id, token)).json.error.code).toBe("invalid_token");
}

type JobRow = { data: Parameters<typeof planAppointmentMessages>[0] };

/** Runs the appointment's notify jobs (as the job worker would) and sends its client message of `kind` over SMTP. */
async function mailedToken(appointmentId: string, email: string, kind: "confirmation" | "rescheduled") {
  const db = await getDb();
  const jobs = await queryRows<JobRow>(
    db,
    sql`select data from pgboss.job where name = 'appointment-notify' and data->>'appointmentId' = ${appointmentId} order by created_on`,
  );
  for (const job of jobs) await planAppointmentMessages(job.data);
  const rows = await db.select().from(notifications).where(eq(notifications.appointmentId, appointmentId));
  const message = rows.find((n) => n.kind === kind && n.toAddress === email);
  if (!message) throw new Error(`no ${kind} to ${email}`);
  // Stored: the placeholder and the sealed token, never the token.
  expect(message.text).toContain(`/manage#token=${MANAGE_TOKEN_PLACEHOLDER}`);
  expect(message.html).toContain(`/manage#token=${MANAGE_TOKEN_PLACEHOLDER}`);
  expect(message.manageTokenSealed).toMatch(/^v1\./);
  const before = smtp.received.length;
  expect(await sendNotification(message.id, { id: randomUUID(), attempt: 1, attempts: 3 })).toBe("sent");
  const mail = smtp.received.slice(before).find((r) => r.to === email)?.mail;
  const token = mail?.text?.match(TOKEN_IN_LINK)?.[1];
  if (!token || !mail) throw new Error(`no manage link in ${mail?.text}`);
  expect(mail.html).toContain(`/appointments/${appointmentId}/manage#token=${token}`);
  // The calendar attached to a guest's mail carries no manage link.
  for (const a of mail.attachments) expect(a.content.toString("utf8")).not.toContain("manage");
  // Nothing stored holds the token: not the message (its sealed copy is cleared once sent), the
  // hash table, nor the jobs.
  const [after] = await db.select().from(notifications).where(eq(notifications.id, message.id));
  expect(after?.manageTokenSealed).toBeNull();
  expect(JSON.stringify(after)).not.toContain(token);
  const jobText = await queryRows<{ data: unknown }>(
    db,
    sql`select data from pgboss.job where data->>'appointmentId' = ${appointmentId}`,
  );
  expect(JSON.stringify(jobText)).not.toContain(token);
  return token;
}

describe("the token", () => {
  it("is 32 random bytes, base64url; sealed, it opens only for its appointment and the same key", () => {
    const token = newManageToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(newManageToken()).not.toBe(token);
    const id = randomUUID();
    const sealed = sealManageToken(token, id);
    expect(sealed).not.toContain(token);
    // A fresh IV each time.
    expect(sealManageToken(token, id)).not.toBe(sealed);
    expect(openManageToken(sealed, id)).toBe(token);
    expect(openManageToken(sealed, randomUUID())).toBeNull();
    const [v, iv, body, tag] = sealed.split(".") as [string, string, string, string];
    const flipped = `${body.startsWith("A") ? "B" : "A"}${body.slice(1)}`;
    expect(openManageToken([v, iv, flipped, tag].join("."), id)).toBeNull();
    expect(openManageToken("v1.x.y", id)).toBeNull();
    expect(openManageToken("garbage", id)).toBeNull();
    const secret = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "another secret of at least thirty-two characters";
    try {
      expect(openManageToken(sealed, id)).toBeNull();
    } finally {
      process.env.AUTH_SECRET = secret;
    }
  });
});

describe("a guest's manage link", () => {
  it("is mailed with a random token stored only as its SHA-256; a move mails a fresh one; cancelled, both are spent", async () => {
    const email = guestEmail();
    const booked = await api.create(
      undefined,
      { ...scene.slot(0), client: { name: "Guest Token", email, phone: "+7 900 000-00-09" } },
      freshIp(),
    );
    expect(booked.status).toBe(201);
    const id = booked.json.id as string;
    const token = await mailedToken(id, email, "confirmation");
    // Not the earlier scheme's HMAC of the id: random.
    const hmac = createHmac("sha256", authSecret()).update(`slotwise.manage:${id}`).digest("base64url");
    expect(token).not.toBe(hmac);
    const db = await getDb();
    const rows = await db.select().from(manageTokens).where(eq(manageTokens.appointmentId, id));
    expect(rows.map((r) => r.tokenHash)).toEqual([sha256(token)]);

    expect((await manage.get(id, token)).json.id).toBe(id);
    const moved = await manage.patch(id, token, { start: scene.slot(60).start });
    expect(moved.status).toBe(200);
    const fresh = await mailedToken(id, email, "rescheduled");
    expect(fresh).not.toBe(token);
    // Both links open the booking while it is booked.
    expect((await manage.get(id, token)).status).toBe(200);
    expect((await manage.get(id, fresh)).status).toBe(200);
    expect((await manage.cancel(id, fresh)).json.status).toBe("cancelled");
    await expectRefused(id, token);
    await expectRefused(id, fresh);
  });

  it("unknown, malformed, another appointment's and expired tokens: 400 invalid_token", async () => {
    const email = guestEmail();
    const a = await api.create(undefined, { ...scene.slot(120), client: { name: "A", email } }, freshIp());
    const b = await api.create(undefined, { ...scene.slot(180), client: { name: "B", email } }, freshIp());
    expect([a.status, b.status]).toEqual([201, 201]);
    const tokenA = await mailedToken(a.json.id, email, "confirmation");
    for (const wrong of [newManageToken(), "short", `${tokenA}x`, tokenA.toUpperCase()]) {
      await expectRefused(a.json.id, wrong);
    }
    await expectRefused(b.json.id, tokenA);
    // Ended: the appointment's time is over (moved into the past here, as time would).
    const db = await getDb();
    await db
      .update(appointments)
      .set({
        startAt: sql`now() - interval '3 hours'`,
        endAt: sql`now() - interval '2 hours'`,
      })
      .where(eq(appointments.id, a.json.id));
    await expectRefused(a.json.id, tokenA);
  });

  it("a token of the earlier scheme (HMAC of the id, its hash stored) still opens its appointment", async () => {
    const email = guestEmail();
    const booked = await api.create(undefined, { ...scene.slot(240), client: { name: "Old", email } }, freshIp());
    const id = booked.json.id as string;
    const legacy = createHmac("sha256", authSecret()).update(`slotwise.manage:${id}`).digest("base64url");
    await expectRefused(id, legacy);
    const db = await getDb();
    await db.insert(manageTokens).values({ appointmentId: id, tokenHash: sha256(legacy) });
    expect((await manage.get(id, legacy)).json.id).toBe(id);
  });

  it("the request log prints the path, never the ?token= query", async () => {
    const email = guestEmail();
    const booked = await api.create(undefined, { ...scene.slot(300), client: { name: "Log", email } }, freshIp());
    const token = await mailedToken(booked.json.id, email, "confirmation");
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "info";
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    try {
      expect((await manage.get(booked.json.id, token)).status).toBe(200);
      expect((await manage.get(booked.json.id, newManageToken())).status).toBe(400);
    } finally {
      process.stdout.write = write;
      process.stderr.write = writeErr;
      process.env.LOG_LEVEL = level;
    }
    const logged = lines.join("");
    expect(logged).toContain(`/api/v1/appointments/${booked.json.id}`);
    expect(logged).not.toContain("token=");
    expect(logged).not.toContain(token);
  });
});
