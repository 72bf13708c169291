// Guest booking and manage links (API.md "Anonymous booking"), and clients moving their own
// appointments: a guest books with name and email only, under per-IP and per-email budgets; the
// confirmation mail carries /appointments/{id}/manage#token=…, whose token (header or ?token=) reads,
// moves and cancels that one appointment; clients and guests move under the same rules and cut-off;
// two moves into one slot at once: one wins; a guest who registers and verifies the address sees the
// appointment in their list.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/v1/appointments/[id]/cancel/route";
import * as appointmentRoutes from "@/app/api/v1/appointments/[id]/route";
import { POST as verifyRoute } from "@/app/api/v1/auth/verify-email/route";
import * as businessRoute from "@/app/api/v1/business/route";
import { getDb, queryRows } from "@/db/client";
import { insertAccountToken } from "@/db/queries/account-tokens";
import { insertUser } from "@/db/queries/users";
import { appointments, clients, manageTokens, notifications } from "@/db/schema";
import { newAccountToken } from "@/lib/accounts/tokens";
import { CLIENT_ADDRESS_HEADER, trustClientAddressHeader } from "@/lib/api/client-ip";
import { issueAccessToken } from "@/lib/auth/caller";
import { hashPassword } from "@/lib/auth/password";
import { MANAGE_TOKEN_PLACEHOLDER, withManageToken } from "@/lib/notifications/manage-link";
import { planAppointmentMessages } from "@/lib/notifications/notify";
import { appointmentsApi as api, bookingScene } from "@/testing/booking";
import { makeWorker, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";

trustClientAddressHeader();
let ipCounter = 0;
const freshIp = () => ({ [CLIENT_ADDRESS_HEADER]: `203.0.113.${(++ipCounter % 250) + 1}` });
const guestEmail = () => `guest-${randomUUID()}@example.test`;

type Scene = Awaited<ReturnType<typeof bookingScene>>;

const guestBook = (s: Scene, minutes: number, client: Record<string, unknown>, headers = freshIp()) =>
  api.create(undefined, { ...s.slot(minutes), client }, headers);

type Via = "header" | "query";
const withToken = (path: string, token: string, via: Via) =>
  via === "query" ? `${path}?token=${encodeURIComponent(token)}` : path;
const tokenHeaders = (token: string, via: Via) => (via === "header" ? { "x-manage-token": token } : undefined);

const manage = {
  get: (id: string, token: string, via: Via = "header") =>
    call(appointmentRoutes.GET, "GET", withToken(`/api/v1/appointments/${id}`, token, via), {
      params: { id },
      headers: tokenHeaders(token, via),
    }),
  patch: (id: string, token: string, body: unknown, via: Via = "header") =>
    call(appointmentRoutes.PATCH, "PATCH", withToken(`/api/v1/appointments/${id}`, token, via), {
      params: { id },
      body,
      headers: tokenHeaders(token, via),
    }),
  cancel: (id: string, token: string, via: Via = "header") =>
    call(cancelRoute.POST, "POST", withToken(`/api/v1/appointments/${id}/cancel`, token, via), {
      params: { id },
      headers: tokenHeaders(token, via),
    }),
};

/** Plans the appointment's messages as the notify job would, and reads the token from the guest's mail. */
async function tokenFromMail(appointmentId: string, email: string): Promise<string> {
  const db = await getDb();
  const jobs = await queryRows<{ data: Parameters<typeof planAppointmentMessages>[0] }>(
    db,
    sql`select data from pgboss.job where name = 'appointment-notify' and data->>'appointmentId' = ${appointmentId} order by created_on`,
  );
  for (const job of jobs) await planAppointmentMessages(job.data);
  const [message] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.appointmentId, appointmentId), eq(notifications.kind, "confirmation")));
  expect(message?.toAddress).toBe(email);
  if (!message) throw new Error("no confirmation");
  // Stored with a placeholder; the token is put in as the message is sent.
  expect(message.text).toContain(`/appointments/${appointmentId}/manage#token=${MANAGE_TOKEN_PLACEHOLDER}`);
  const sent = withManageToken(message);
  const token = sent.text.match(/\/appointments\/[^/\s]+\/manage#token=([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no manage link in ${sent.text}`);
  expect(sent.html).toContain(`/appointments/${appointmentId}/manage#token=${token}`);
  expect(JSON.stringify(message)).not.toContain(token);
  return token;
}

async function setPolicy(s: Scene, policy: Record<string, unknown>) {
  const res = await call(businessRoute.PATCH, "PATCH", "/api/v1/business", {
    token: s.manager.token,
    body: {
      policy: { minNoticeMinutes: 0, cancelCutoffMinutes: 0, rescheduleCutoffMinutes: 0, ...policy },
    },
  });
  expect(res.status).toBe(200);
}

describe("guest booking", () => {
  it("books with name, email and phone; the mail's manage link reads, moves and cancels it", async () => {
    const s = await bookingScene();
    const email = guestEmail();
    const res = await guestBook(s, 0, { name: "Guest Gina", email: email.toUpperCase(), phone: "+7 900 000-00-01" });
    expect(res.status).toBe(201);
    expect(res.json.client).toMatchObject({ name: "Guest Gina", email, phone: "+7 900 000-00-01" });
    expect(res.json.createdBy).toBeNull();
    const id = res.json.id as string;
    const db = await getDb();
    const [client] = await db.select().from(clients).where(eq(clients.id, res.json.client.id));
    expect(client?.userId).toBeNull();
    // Only the hash is stored.
    const token = await tokenFromMail(id, email);
    const rows = await db.select().from(manageTokens).where(eq(manageTokens.appointmentId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token);

    for (const via of ["header", "query"] as const) {
      const read = await manage.get(id, token, via);
      expect(read.status).toBe(200);
      expect(read.json.id).toBe(id);
    }
    const moved = await manage.patch(id, token, { start: s.slot(60).start }, "query");
    expect(moved.status).toBe(200);
    expect(new Date(moved.json.start).toISOString()).toBe(s.slot(60).start);
    // The old time is free again: someone else books it.
    expect((await api.create(s.client.token, s.slot(0))).status).toBe(201);
    const cancelled = await manage.cancel(id, token);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe("cancelled");
    // Cancelled: the link is spent.
    expect((await manage.get(id, token)).json.error.code).toBe("invalid_token");
  });

  it("a second guest booking with the same email is the same guest record; never a desk or user record", async () => {
    const s = await bookingScene();
    const email = guestEmail();
    const first = await guestBook(s, 0, { name: "G", email });
    const second = await guestBook(s, 60, { name: "G again", email });
    expect(second.status).toBe(201);
    expect(second.json.client.id).toBe(first.json.client.id);
    // A registered user's address: the guest gets a record of their own, not the user's.
    const user = await userWithToken("client", "Registered");
    const own = await api.create(user.token, s.slot(120));
    const guest = await guestBook(s, 180, { name: "Pretender", email: user.user.email });
    expect(guest.status).toBe(201);
    expect(guest.json.client.id).not.toBe(own.json.client.id);
    const list = await api.list(user.token);
    expect(list.json.items.map((a: { id: string }) => a.id)).toEqual([own.json.id]);
    // The registered client's mail carries a working manage link too.
    const ownToken = await tokenFromMail(own.json.id, user.user.email);
    expect((await manage.get(own.json.id, ownToken)).json.id).toBe(own.json.id);
    expect((await manage.get(guest.json.id, ownToken)).json.error.code).toBe("invalid_token");
  });

  it("validation: a guest must give a name and an email; the same rules as a client's booking", async () => {
    const s = await bookingScene();
    const noEmail = await guestBook(s, 0, { name: "No Mail" });
    expect(noEmail.status).toBe(400);
    expect(noEmail.json.error.code).toBe("validation_failed");
    expect((await api.create(undefined, s.slot(0), freshIp())).json.error.code).toBe("validation_failed");
    expect((await guestBook(s, 0, { name: "Bad", email: "not-an-email" })).status).toBe(400);
    // Off the grid, past the shift: what a client is refused, a guest is too.
    const offGrid = await guestBook(s, 7, { name: "G", email: guestEmail() });
    expect(offGrid.status).toBe(409);
    expect(offGrid.json.error.details.reason).toBe("off_grid");
    const late = await guestBook(s, 60 * 9, { name: "G", email: guestEmail() });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe("not_available");
    // And a bad bearer token is still 401, not a guest.
    const bad = await call((await import("@/app/api/v1/appointments/route")).POST, "POST", "/api/v1/appointments", {
      body: { ...s.slot(0), client: { name: "G", email: guestEmail() } },
      headers: { authorization: "Bearer nope" },
    });
    expect(bad.status).toBe(401);
  });

  it("rate limits: per email and per IP, 429 rate_limited with Retry-After", async () => {
    const s = await bookingScene();
    const email = guestEmail();
    // Far in the past: refused quickly, but each try spends the budget.
    const past = { ...s.slot(0), start: "2020-01-01T10:00:00Z" };
    const tries = [];
    for (let i = 0; i < 6; i++)
      tries.push(await api.create(undefined, { ...past, client: { name: "G", email } }, freshIp()));
    expect(tries.slice(0, 5).every((r) => r.status === 409)).toBe(true);
    expect(tries[5]?.status).toBe(429);
    expect(tries[5]?.json.error.code).toBe("rate_limited");
    expect(Number(tries[5]?.headers.get("retry-after"))).toBeGreaterThan(0);
    const ip = { [CLIENT_ADDRESS_HEADER]: "192.0.2.77" };
    const fromIp = [];
    for (let i = 0; i < 21; i++) {
      fromIp.push((await api.create(undefined, { ...past, client: { name: "G", email: guestEmail() } }, ip)).status);
    }
    expect(fromIp.slice(0, 20).every((status) => status === 409)).toBe(true);
    expect(fromIp[20]).toBe(429);
  });
});

describe("guest booking under the upcoming limit", () => {
  it("counts per guest email: the second booking with one address is refused, another address books", async () => {
    const s = await bookingScene();
    await setPolicy(s, { maxUpcomingPerClient: 1 });
    try {
      const email = guestEmail();
      expect((await guestBook(s, 0, { name: "G", email })).status).toBe(201);
      const second = await guestBook(s, 60, { name: "G", email });
      expect(second.status).toBe(409);
      expect(second.json.error.details.reason).toBe("max_upcoming");
      expect((await guestBook(s, 60, { name: "H", email: guestEmail() })).status).toBe(201);
    } finally {
      await setPolicy(s, { maxUpcomingPerClient: null });
    }
  });
});

describe("manage tokens", () => {
  it("a wrong token, another appointment's token, or no token: refused", async () => {
    const s = await bookingScene();
    const a = await guestBook(s, 0, { name: "A", email: guestEmail() });
    const b = await guestBook(s, 60, { name: "B", email: guestEmail() });
    const tokenA = await tokenFromMail(a.json.id, a.json.client.email);
    const wrong = "A".repeat(43);
    for (const token of [wrong, "short", tokenA]) {
      const read = await manage.get(b.json.id, token);
      expect(read.status).toBe(400);
      expect(read.json.error.code).toBe("invalid_token");
      expect((await manage.cancel(b.json.id, token)).json.error.code).toBe("invalid_token");
      expect((await manage.patch(b.json.id, token, { start: s.slot(120).start })).json.error.code).toBe(
        "invalid_token",
      );
    }
    // No token, no credentials: 401 as before.
    expect((await api.get(undefined, b.json.id)).status).toBe(401);
    // A token moves only: no status, notes or another worker.
    const other = await manage.patch(a.json.id, tokenA, { notes: "hi" });
    expect(other.json.error.code).toBe("validation_failed");
    const [row] = await (await getDb()).select().from(appointments).where(eq(appointments.id, b.json.id));
    expect(row?.status).toBe("booked");
  });

  it("the reschedule cut-off binds clients and guests alike; the move obeys the booking rules", async () => {
    const s = await bookingScene();
    const guest = await guestBook(s, 60, { name: "G", email: guestEmail() });
    const token = await tokenFromMail(guest.json.id, guest.json.client.email);
    const own = await api.create(s.client.token, s.slot(120));
    await setPolicy(s, { rescheduleCutoffMinutes: 24 * 60 });
    try {
      const byGuest = await manage.patch(guest.json.id, token, { start: s.slot(180).start });
      expect(byGuest.status).toBe(409);
      expect(byGuest.json.error.code).toBe("cutoff_passed");
      const byClient = await api.patch(s.client.token, own.json.id, { start: s.slot(180).start });
      expect(byClient.status).toBe(409);
      expect(byClient.json.error.code).toBe("cutoff_passed");
    } finally {
      await setPolicy(s, {});
    }
    // Off the grid and onto a taken time: refused, and the appointment keeps its time.
    expect((await manage.patch(guest.json.id, token, { start: s.slot(187).start })).json.error.details.reason).toBe(
      "off_grid",
    );
    const taken = await manage.patch(guest.json.id, token, { start: s.slot(120).start });
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe("slot_taken");
    // A client moves in time only, with the same worker.
    const colleague = await makeWorker({ locationId: s.location.id }, [s.service.id]);
    const elsewhere = await api.patch(s.client.token, own.json.id, {
      start: s.slot(240).start,
      workerId: colleague.id,
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.error.code).toBe("validation_failed");
    const client = await api.patch(s.client.token, own.json.id, { start: s.slot(240).start, workerId: s.worker.slug });
    expect(client.status).toBe(200);
    expect((await manage.get(guest.json.id, token)).json.start).toBe(guest.json.start);
  });

  it("two moves into one slot at once: one 200, one 409 slot_taken", async () => {
    const s = await bookingScene();
    const a = await api.create(s.client.token, s.slot(0));
    const b = await api.create(s.otherClient.token, s.slot(60));
    const target = s.slot(180).start;
    const results = await Promise.all([
      api.patch(s.client.token, a.json.id, { start: target }),
      api.patch(s.otherClient.token, b.json.id, { start: target }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.json.error.code).toBe("slot_taken");
    const db = await getDb();
    const rows = await db.select().from(appointments).where(eq(appointments.workerId, s.worker.id));
    expect(rows.filter((r) => r.status === "booked" && r.startAt.toISOString() === target)).toHaveLength(1);
  });
});

describe("a guest who registers later", () => {
  it("sees the guest appointments in their list only after verifying the address", async () => {
    const s = await bookingScene();
    const email = guestEmail();
    const booked = await guestBook(s, 0, { name: "Later", email });
    const user = await insertUser({
      email,
      name: "Later",
      role: "client",
      passwordHash: await hashPassword("pass phrase 1"),
    });
    const { accessToken: bearer } = await issueAccessToken(user);
    expect((await api.list(bearer)).json.items).toEqual([]);
    const { token, hash } = newAccountToken();
    const db = await getDb();
    await insertAccountToken(db, {
      userId: user.id,
      purpose: "email_verification",
      tokenHash: hash,
      email,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const verified = await call(verifyRoute, "POST", "/api/v1/auth/verify-email", {
      body: { token },
      headers: freshIp(),
    });
    expect(verified.status).toBe(200);
    const list = await api.list(bearer);
    expect(list.json.items.map((a: { id: string }) => a.id)).toEqual([booked.json.id]);
    // The address is no longer a guest's: a later guest booking with it gets a new record.
    const later = await guestBook(s, 60, { name: "Later", email });
    expect(later.json.client.id).not.toBe(booked.json.client.id);
  });

  it("an account that booked before verifying keeps its record; the guest's appointments move to it", async () => {
    const s = await bookingScene();
    const email = guestEmail();
    const booked = await guestBook(s, 0, { name: "Early", email });
    const user = await insertUser({ email, name: "Early", role: "client", passwordHash: "unused" });
    const { accessToken: bearer } = await issueAccessToken(user);
    const own = await api.create(bearer, s.slot(60));
    expect(own.status).toBe(201);
    const { token, hash } = newAccountToken();
    await insertAccountToken(await getDb(), {
      userId: user.id,
      purpose: "email_verification",
      tokenHash: hash,
      email,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const verified = await call(verifyRoute, "POST", "/api/v1/auth/verify-email", {
      body: { token },
      headers: freshIp(),
    });
    expect(verified.status).toBe(200);
    const ids = (await api.list(bearer)).json.items.map((a: { id: string }) => a.id);
    expect(ids.sort()).toEqual([booked.json.id, own.json.id].sort());
  });
});
