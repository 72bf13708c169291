// Joining the waitlist without an account (API.md "Waitlist", guests), through the route handlers, on
// this file's database (PGlite or PostgreSQL), with workers of the job queue sending to a real SMTP
// server (testing/smtp.ts): a guest joins with name and email under per-IP and per-email budgets, the
// same refusals as a client's join; the confirmation arrives with a leave link whose token (header or
// ?token=) takes that one entry off the list; a cancellation emails the waiting guest with the link to
// book that day and a leave link of its own; the guest's booking marks the entry booked.
import { randomUUID } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as itemRoutes from "@/app/api/v1/waitlist/[id]/route";
import * as listRoutes from "@/app/api/v1/waitlist/route";
import { getDb } from "@/db/client";
import { auditLog, notifications, waitlistEntries, waitlistLeaveTokens } from "@/db/schema";
import { CLIENT_ADDRESS_HEADER, trustClientAddressHeader } from "@/lib/api/client-ip";
import { type JobData, queues } from "@/lib/jobs/queues";
import { createJobs, type Jobs } from "@/lib/jobs/runtime";
import { MANAGE_TOKEN_PLACEHOLDER } from "@/lib/notifications/manage-link";
import { sendNotification } from "@/lib/notifications/send";
import { addDaysToDate, zonedDateOf, zonedToday } from "@/lib/time/zoned";
import { FREE_UP_QUEUE, notifyWaitlist } from "@/lib/waitlist/free-up";
import { appointmentsApi, bookingScene, shiftTime } from "@/testing/booking";
import { call } from "@/testing/http";
import { startTestSmtp, type TestSmtp } from "@/testing/smtp";

trustClientAddressHeader();
let ipCounter = 0;
const freshIp = () => ({ [CLIENT_ADDRESS_HEADER]: `198.51.100.${(++ipCounter % 250) + 1}` });
const guestEmail = () => `waiting-${randomUUID()}@example.test`;
const wait = { timeout: 20_000, interval: 100 };

const db = await getDb();
const TZ = "Europe/Moscow"; // the scene's location

const api = {
  join: (token: string | undefined, body: unknown, headers: Record<string, string> = freshIp()) =>
    call(listRoutes.POST, "POST", "/api/v1/waitlist", { token, body, headers }),
  leave: (id: string, opts: { token?: string; leaveToken?: string; via?: "header" | "query" } = {}) => {
    const query = opts.leaveToken && opts.via === "query" ? `?token=${encodeURIComponent(opts.leaveToken)}` : "";
    const headers: Record<string, string> =
      opts.leaveToken && opts.via !== "query" ? { "x-manage-token": opts.leaveToken } : {};
    return call(itemRoutes.DELETE, "DELETE", `/api/v1/waitlist/${id}${query}`, {
      token: opts.token,
      params: { id },
      headers,
    });
  },
};

const leaveTokenIn = (text: string, entryId: string) =>
  text.match(new RegExp(`/waitlist/${entryId}/leave#token=([A-Za-z0-9_-]{43})`))?.[1];

let smtp: TestSmtp;
const fast = { retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 30 };
const workers: Jobs[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
  workers.push(
    await createJobs({
      queues: {
        [FREE_UP_QUEUE]: { ...queues[FREE_UP_QUEUE], settings: fast },
        "notification-send": { ...queues["notification-send"], settings: fast },
      },
      handlers: {
        [FREE_UP_QUEUE]: async (data: JobData<typeof FREE_UP_QUEUE>) => notifyWaitlist(data),
        "notification-send": async (
          { notificationId }: { notificationId: string },
          job: Parameters<typeof sendNotification>[1],
        ) => sendNotification(notificationId, job),
      },
      work: true,
      tuning: { pollingIntervalSeconds: 0.5 },
    }),
  );
});

afterAll(async () => {
  await Promise.all(workers.map((jobs) => jobs.stop()));
  await smtp.close();
});

describe("a guest joins", () => {
  it("answers 201 with the entry, under the guest record of the email, and audits it with no actor", async () => {
    const s = await bookingScene();
    const day = zonedDateOf(s.shiftStart, TZ);
    const email = guestEmail();
    const res = await api.join(undefined, {
      workerId: s.worker.slug,
      serviceId: s.service.id,
      date: day,
      from: "09:00",
      client: { name: "Gina Guest", email: `  ${email.toUpperCase()} `, phone: "+7 900 000-00-01" },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      status: "waiting",
      date: day,
      from: "09:00",
      worker: { id: s.worker.id },
      service: { id: s.service.id },
      client: { name: "Gina Guest", email, phone: "+7 900 000-00-01" },
    });
    expect(Object.keys(res.json.client).sort()).toEqual(["email", "id", "name", "phone"]);
    const [entry] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, res.json.id));
    expect(entry?.createdBy).toBeNull();
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, res.json.id));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["waitlist.join", null]]);
    // Only the token's hash is kept.
    const tokens = await db.select().from(waitlistLeaveTokens).where(eq(waitlistLeaveTokens.entryId, res.json.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses bad input with 400, as a client's join, and a guest naming clientId", async () => {
    const s = await bookingScene();
    const body = { workerId: s.worker.id, serviceId: s.service.id, date: zonedDateOf(s.shiftStart, TZ) };
    const noEmail = await api.join(undefined, { ...body, client: { name: "No Mail" } });
    expect(noEmail.status).toBe(400);
    expect(noEmail.json.error.code).toBe("validation_failed");
    expect(noEmail.json.error.details.issues[0].path).toBe("client.email");
    const badEmail = await api.join(undefined, { ...body, client: { name: "X", email: "not-an-email" } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.json.error.details.issues.map((i: { path: string }) => i.path)).toContain("client.email");
    const noName = await api.join(undefined, { ...body, client: { email: guestEmail() } });
    expect(noName.status).toBe(400);
    const badDay = await api.join(undefined, { ...body, date: "soon", client: { name: "X", email: guestEmail() } });
    expect(badDay.status).toBe(400);
    expect(badDay.json.error.details.issues[0].path).toBe("date");
    const clientId = await api.join(undefined, {
      ...body,
      clientId: randomUUID(),
      client: { name: "X", email: guestEmail() },
    });
    expect(clientId.status).toBe(400);
    expect(clientId.json.error.details.issues[0].path).toBe("clientId");
    const notPerformed = await api.join(undefined, {
      ...body,
      serviceId: "no-such-service",
      client: { name: "X", email: guestEmail() },
    });
    expect(notPerformed.status).toBe(404);
    const past = await api.join(undefined, {
      ...body,
      date: addDaysToDate(zonedToday(new Date(), TZ), -1),
      client: { name: "X", email: guestEmail() },
    });
    expect(past.status).toBe(409);
    expect(past.json.error.details.reason).toBe("in_past");
  });

  it("anonymous without client stays 401; credentials that do not resolve are 401, never a guest", async () => {
    const s = await bookingScene();
    const body = { workerId: s.worker.id, serviceId: s.service.id, date: zonedDateOf(s.shiftStart, TZ) };
    expect((await api.join(undefined, body)).status).toBe(401);
    const forged = await call(listRoutes.POST, "POST", "/api/v1/waitlist", {
      body: { ...body, client: { name: "X", email: guestEmail() } },
      headers: { authorization: "Bearer nope", ...freshIp() },
    });
    expect(forged.status).toBe(401);
  });

  it("a signed-in caller sending client gets 400 validation_failed on client", async () => {
    const s = await bookingScene();
    const body = { workerId: s.worker.id, serviceId: s.service.id, date: zonedDateOf(s.shiftStart, TZ) };
    for (const token of [s.client.token, s.admin.token]) {
      const res = await api.join(token, { ...body, client: { name: "Someone", email: guestEmail() } });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
      expect(res.json.error.details.issues[0].path).toBe("client");
    }
  });

  it("joins once per email: again answers 409 already_exists with the entry's id; another day joins", async () => {
    const s = await bookingScene();
    const day = zonedDateOf(s.shiftStart, TZ);
    const email = guestEmail();
    const body = { workerId: s.worker.id, serviceId: s.service.id, date: day, client: { name: "Dup", email } };
    const first = await api.join(undefined, body);
    expect(first.status).toBe(201);
    const again = await api.join(undefined, { ...body, client: { name: "Dup Again", email: email.toUpperCase() } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("already_exists");
    expect(again.json.error.details.id).toBe(first.json.id);
    const nextDay = await api.join(undefined, { ...body, date: addDaysToDate(day, 1) });
    expect(nextDay.status).toBe(201);
    expect(nextDay.json.client.id).toBe(first.json.client.id);
  });

  it("rate limits: per email and per IP, 429 rate_limited with Retry-After", async () => {
    const s = await bookingScene();
    const email = guestEmail();
    // A day already over: refused quickly, but each try spends the budget.
    const past = { workerId: s.worker.id, serviceId: s.service.id, date: "2020-01-01" };
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push(await api.join(undefined, { ...past, client: { name: "G", email } }));
    expect(tries.slice(0, 5).map((r) => r.status)).toEqual([409, 409, 409, 409, 409]);
    expect(tries[5]?.status).toBe(429);
    expect(tries[5]?.json.error.code).toBe("rate_limited");
    expect(Number(tries[5]?.headers.get("retry-after"))).toBeGreaterThan(0);
    const ip = { [CLIENT_ADDRESS_HEADER]: "192.0.2.78" };
    const fromIp = [];
    for (let i = 0; i < 21; i++) {
      fromIp.push((await api.join(undefined, { ...past, client: { name: "G", email: guestEmail() } }, ip)).status);
    }
    expect(fromIp.slice(0, 20).every((status) => status === 409)).toBe(true);
    expect(fromIp[20]).toBe(429);
  });
});

describe("the confirmation and its leave link", () => {
  it("mails the guest a confirmation whose leave link takes that entry (only) off the list, once", async () => {
    const s = await bookingScene();
    const day = zonedDateOf(s.shiftStart, TZ);
    const email = guestEmail();
    const from = format(new TZDate(s.shiftStart, TZ), "HH:mm");
    const mine = await api.join(undefined, {
      serviceId: s.service.id,
      workerId: s.worker.id,
      date: day,
      from,
      to: "24:00",
      client: { name: "Lena Leave", email },
    });
    expect(mine.status).toBe(201);
    const other = await api.join(undefined, {
      serviceId: s.service.id,
      workerId: s.worker.id,
      date: day,
      client: { name: "Oleg Other", email: guestEmail() },
    });
    expect(other.status).toBe(201);

    await vi.waitFor(() => expect(smtp.mailsTo(email)).toHaveLength(1), wait);
    const mail = smtp.mailsTo(email)[0]?.mail;
    expect(mail?.headers.get("x-slotwise-kind")).toBe("waitlist_joined");
    expect(mail?.subject).toContain("you are on the waitlist");
    expect(mail?.text).toContain("Hello, Lena Leave!");
    expect(mail?.text).toContain(`${s.service.name} with ${s.worker.name}`);
    expect(mail?.text).toContain(`between ${from} and 24:00`);
    const token = leaveTokenIn(mail?.text ?? "", mine.json.id);
    expect(token).toBeDefined();
    expect(mail?.text).toContain(`https://book.example.test/waitlist/${mine.json.id}/leave#token=${token}`);
    expect(String(mail?.html)).toContain(`/waitlist/${mine.json.id}/leave#token=${token}`);
    // What is stored keeps the placeholder, never the token; the sealed copy is gone once sent.
    const stored = async () =>
      (await db.select().from(notifications).where(eq(notifications.waitlistEntryId, mine.json.id)))[0];
    // The send is recorded just after the server took the message.
    await vi.waitFor(async () => expect((await stored())?.status).toBe("sent"), wait);
    expect((await stored())?.text).toContain(MANAGE_TOKEN_PLACEHOLDER);
    expect((await stored())?.text).not.toContain(token as string);
    expect((await stored())?.manageTokenSealed).toBeNull();

    // A malformed token, an unknown one, and this token for the other entry: 400 invalid_token.
    for (const [id, bad] of [
      [mine.json.id, "short"],
      [mine.json.id, "A".repeat(43)],
      [other.json.id, token as string],
    ] as const) {
      const res = await api.leave(id, { leaveToken: bad });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("invalid_token");
    }
    const [otherEntry] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, other.json.id));
    expect(otherEntry?.status).toBe("waiting");

    expect((await api.leave(mine.json.id, { leaveToken: token as string, via: "query" })).status).toBe(204);
    const [left] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, mine.json.id));
    expect(left?.status).toBe("removed");
    // One-time: the entry is off the list, the token opens nothing any more.
    const twice = await api.leave(mine.json.id, { leaveToken: token as string });
    expect(twice.status).toBe(400);
    expect(twice.json.error.code).toBe("invalid_token");
    // Without a token, anonymous is still 401.
    expect((await api.leave(other.json.id)).status).toBe(401);
  });

  it("a cancellation mails the waiting guest the link to book that day and a working leave link; the guest books", async () => {
    const s = await bookingScene();
    // The day of the booked slot, which late in the day may be the shift's next one in Moscow.
    const day = zonedDateOf(shiftTime(s.shiftStart, 60), TZ);
    const email = guestEmail();
    const booked = await appointmentsApi.create(s.client.token, s.slot(60));
    expect(booked.status).toBe(201);
    const joined = await api.join(undefined, {
      workerId: s.worker.id,
      serviceId: s.service.id,
      date: day,
      client: { name: "Fay Freeup", email },
    });
    expect(joined.status).toBe(201);
    await vi.waitFor(() => expect(smtp.mailsTo(email)).toHaveLength(1), wait);

    expect((await appointmentsApi.cancel(s.admin.token, booked.json.id)).status).toBe(200);
    await vi.waitFor(() => expect(smtp.mailsTo(email)).toHaveLength(2), wait);
    const mail = smtp.mailsTo(email)[1]?.mail;
    expect(mail?.headers.get("x-slotwise-kind")).toBe("waitlist_slot_free");
    expect(mail?.text).toContain("Hello, Fay Freeup!");
    const link = `https://book.example.test/workers/${s.worker.slug}?service=${s.service.slug}&date=${day}`;
    expect(mail?.text).toContain(link);
    const fresh = leaveTokenIn(mail?.text ?? "", joined.json.id);
    const first = leaveTokenIn(smtp.mailsTo(email)[0]?.mail.text ?? "", joined.json.id);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(first);
    const [entry] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, joined.json.id));
    expect(entry?.status).toBe("notified");

    // The guest books the freed time with the same address: the entry is served.
    const guestBooking = await appointmentsApi.create(
      undefined,
      { ...s.slot(60), client: { name: "Fay Freeup", email } },
      freshIp(),
    );
    expect(guestBooking.status).toBe(201);
    const [served] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, joined.json.id));
    expect(served?.status).toBe("booked");
    // Served, the entry is no longer anyone's to leave.
    expect((await api.leave(joined.json.id, { leaveToken: fresh as string })).status).toBe(400);
  });

  it("the free-up message's leave link works on its own", async () => {
    const s = await bookingScene();
    const day = zonedDateOf(shiftTime(s.shiftStart, 120), TZ);
    const email = guestEmail();
    const booked = await appointmentsApi.create(s.client.token, s.slot(120));
    const joined = await api.join(undefined, {
      workerId: s.worker.id,
      serviceId: s.service.id,
      date: day,
      client: { name: "Lev", email },
    });
    expect(joined.status).toBe(201);
    expect((await appointmentsApi.cancel(s.admin.token, booked.json.id)).status).toBe(200);
    await vi.waitFor(() => expect(smtp.mailsTo(email)).toHaveLength(2), wait);
    const freeUp = smtp.mailsTo(email).find((r) => r.mail.headers.get("x-slotwise-kind") === "waitlist_slot_free");
    const token = leaveTokenIn(freeUp?.mail.text ?? "", joined.json.id);
    expect(token).toBeDefined();
    expect(String(freeUp?.mail.html)).toContain(`/waitlist/${joined.json.id}/leave#token=${token}`);
    expect((await api.leave(joined.json.id, { leaveToken: token as string })).status).toBe(204);
    const [left] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, joined.json.id));
    expect(left?.status).toBe("removed");
  });
});
