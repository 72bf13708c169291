// Email notifications end to end, on this file's database (PGlite or PostgreSQL): bookings made
// through the API plan their messages, a worker of the job queue sends them to a real SMTP server
// started here (smtp-server), and what arrives is parsed (mailparser), its .ics read with ical.js.
// No mocked transport.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as notificationsRoute from "@/app/api/v1/appointments/[id]/notifications/route";
import * as outboxRoute from "@/app/api/v1/outbox/route";
import { getDb } from "@/db/client";
import { bookedAppointmentsDuring } from "@/db/queries/orphaned-appointments";
import { clients, notifications, workers } from "@/db/schema";
import { appointments } from "@/db/schema/appointments";
import { settleOrphans } from "@/lib/booking/orphans";
import { notificationSchema, outboxMessageSchema } from "@/lib/contract";
import { type JobData, queues } from "@/lib/jobs/queues";
import { createJobs, type Jobs } from "@/lib/jobs/runtime";
import { appointmentsApi, bookingScene } from "@/testing/booking";
import { userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { type Received, startTestSmtp, type TestSmtp } from "@/testing/smtp";
import { rememberUserLocale } from "./locale";
import { planAppointmentMessages } from "./notify";
import { sendNotification } from "./send";
import { sweepNotifications } from "./sweep";

const db = await getDb();
const wait = { timeout: 20_000, interval: 100 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let smtp: TestSmtp;

const fast = { retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 30 };
const testQueues = {
  "appointment-notify": { ...queues["appointment-notify"], settings: fast },
  "notification-send": { ...queues["notification-send"], settings: fast },
};
const testHandlers = {
  "appointment-notify": async (data: JobData<"appointment-notify">) => planAppointmentMessages(data),
  "notification-send": async (
    { notificationId }: { notificationId: string },
    job: Parameters<typeof sendNotification>[1],
  ) => sendNotification(notificationId, job),
};
const queueWorkers: Jobs[] = [];
const startWorker = async () => {
  const jobs = await createJobs({
    queues: testQueues,
    handlers: testHandlers,
    work: true,
    tuning: { pollingIntervalSeconds: 0.5 },
  });
  queueWorkers.push(jobs);
  return jobs;
};

let scene: Awaited<ReturnType<typeof bookingScene>>;

beforeAll(async () => {
  smtp = await startTestSmtp();
  scene = await bookingScene();
  // Two workers claiming from the same queue: each message still goes out once.
  await startWorker();
  await startWorker();
});

afterAll(async () => {
  await Promise.all(queueWorkers.map((jobs) => jobs.stop()));
  await smtp.close();
});

const listOf = (token: string, id: string) =>
  call(notificationsRoute.GET, "GET", `/api/v1/appointments/${id}/notifications`, { token, params: { id } });
const mailsTo = (address: string) => smtp.mailsTo(address);
const clientEmail = () => scene.client.user.email;

describe("a booking's confirmation", () => {
  let appointmentId: string;

  it("arrives at the SMTP server once, with the appointment's .ics, and shows as sent", async () => {
    const res = await appointmentsApi.create(scene.client.token, scene.slot(420));
    expect(res.status).toBe(201);
    appointmentId = res.json.id;
    await vi.waitFor(() => expect(mailsTo(clientEmail())).toHaveLength(1), wait);
    await sleep(1500);
    const mails = mailsTo(clientEmail());
    expect(mails).toHaveLength(1);
    const { mail } = mails[0] as Received;
    expect(mail.from?.text).toContain("salon@example.test");
    expect(mail.subject).toMatch(/^Booked: /);
    expect(mail.text).toContain(`https://book.example.test/appointments/${appointmentId}`);
    expect(mail.html).toContain(`href="https://book.example.test/appointments/${appointmentId}"`);

    const ics = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
    expect(ics?.filename).toBe("appointment.ics");
    const calendar = new ICAL.Component(ICAL.parse(ics?.content.toString("utf8") ?? ""));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
    expect(event.uid).toBe(`${appointmentId}@slotwise`);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(res.json.start).toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date(res.json.end).toISOString());

    const list = await listOf(scene.client.token, appointmentId);
    expect(list.status).toBe(200);
    // Exactly the described fields (lib/contract, the OpenAPI document's source).
    for (const item of list.json.items) notificationSchema.strict().parse(item);
    const [confirmation, reminder, ...rest] = list.json.items;
    expect(rest).toEqual([]);
    expect(confirmation).toMatchObject({
      channel: "email",
      kind: "confirmation",
      to: clientEmail(),
      status: "sent",
      attempts: 1,
      error: null,
      outbox: false,
    });
    expect(confirmation.sentAt).not.toBeNull();
    const [row] = await db.select().from(notifications).where(eq(notifications.id, confirmation.id));
    expect(mail.messageId).toBe(row?.messageId);
    // Starting seven hours from now: the 2-hour reminder waits for its moment; the 24-hour one was past.
    expect(reminder).toMatchObject({ kind: "reminder", status: "pending", attempts: 0 });
    expect(new Date(reminder.scheduledFor).getTime()).toBe(new Date(res.json.start).getTime() - 120 * 60_000);
  });

  it("is readable by staff and 404 for another client, like the appointment", async () => {
    expect((await listOf(scene.admin.token, appointmentId)).json.items).toHaveLength(2);
    expect((await listOf(scene.otherClient.token, appointmentId)).status).toBe(404);
    expect((await listOf(scene.otherClient.token, randomUUID())).status).toBe(404);
  });

  it("a reschedule sends the moved message and moves the reminder", async () => {
    const before = (await listOf(scene.client.token, appointmentId)).json.items;
    const oldReminder = before.find((n: { kind: string }) => n.kind === "reminder");
    const newStart = scene.slot(450).start;
    const res = await appointmentsApi.patch(scene.client.token, appointmentId, { start: newStart });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(mailsTo(clientEmail()).map((r) => r.mail.subject)).toHaveLength(2), wait);
    expect(mailsTo(clientEmail())[1]?.mail.subject).toMatch(/^Moved: /);
    const items = (await listOf(scene.client.token, appointmentId)).json.items;
    const reminders = items.filter((n: { kind: string }) => n.kind === "reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0].id).not.toBe(oldReminder.id);
    expect(new Date(reminders[0].scheduledFor).getTime()).toBe(new Date(newStart).getTime() - 120 * 60_000);
    const [dropped] = await db.select().from(notifications).where(eq(notifications.id, oldReminder.id));
    expect(dropped?.status).toBe("dropped");
  });

  it("a reminder whose appointment moved behind its back is dropped when due, not sent", async () => {
    const [reminder] = await db
      .select()
      .from(notifications)
      .where(
        sql`${notifications.appointmentId} = ${appointmentId} and ${notifications.kind} = 'reminder' and ${notifications.status} = 'pending'`,
      );
    await db
      .update(appointments)
      .set({
        startAt: sql`${appointments.startAt} + interval '5 minutes'`,
        endAt: sql`${appointments.endAt} + interval '5 minutes'`,
      })
      .where(eq(appointments.id, appointmentId));
    const sent = smtp.received.length;
    expect(await sendNotification(reminder?.id as string, { id: "manual", attempt: 1, attempts: 1 })).toBe("dropped");
    expect(smtp.received.length).toBe(sent);
    await db
      .update(appointments)
      .set({
        startAt: sql`${appointments.startAt} - interval '5 minutes'`,
        endAt: sql`${appointments.endAt} - interval '5 minutes'`,
      })
      .where(eq(appointments.id, appointmentId));
  });

  it("a cancellation sends the cancelled message; no reminder is left", async () => {
    expect((await appointmentsApi.cancel(scene.client.token, appointmentId)).status).toBe(200);
    await vi.waitFor(() => expect(mailsTo(clientEmail())).toHaveLength(3), wait);
    expect(mailsTo(clientEmail())[2]?.mail.subject).toMatch(/^Cancelled: /);
    const items = (await listOf(scene.client.token, appointmentId)).json.items;
    expect(items.map((n: { kind: string; status: string }) => `${n.kind}:${n.status}`)).toEqual([
      "confirmation:sent",
      "rescheduled:sent",
      "cancelled:sent",
    ]);
  });
});

describe("the recipient's language", () => {
  it("is the one the client's account chose", async () => {
    await rememberUserLocale(scene.otherClient.user.id, "ru");
    const res = await appointmentsApi.create(scene.otherClient.token, scene.slot(240));
    expect(res.status).toBe(201);
    const email = scene.otherClient.user.email;
    await vi.waitFor(() => expect(mailsTo(email)).toHaveLength(1), wait);
    const { mail } = mailsTo(email)[0] as Received;
    expect(mail.subject).toMatch(/^Вы записаны: /);
    expect(mail.text).toContain("Здравствуйте, Client Two!");
    expect(mail.text).toMatch(/Когда: [а-я]+, \d+ [а-я]+ \d{4}, \d\d:\d\d \(/);
  });
});

describe("the worker's linked user", () => {
  it("is told of a new appointment and reads its messages; another client still may not", async () => {
    const linked = await userWithToken("client", "Worker Account");
    await db.update(workers).set({ userId: linked.user.id }).where(eq(workers.id, scene.worker.id));
    try {
      const email = `linked-${randomUUID()}@example.test`;
      const res = await appointmentsApi.create(scene.admin.token, scene.slot(210, { client: { name: "Kate", email } }));
      expect(res.status).toBe(201);
      await vi.waitFor(() => expect(mailsTo(linked.user.email)).toHaveLength(1), wait);
      const { mail } = mailsTo(linked.user.email)[0] as Received;
      expect(mail.subject).toMatch(/^New appointment: /);
      expect(mail.text).toContain("Client: Kate");
      const list = await listOf(linked.token, res.json.id);
      expect(list.status).toBe(200);
      expect(list.json.items.map((n: { kind: string }) => n.kind)).toContain("worker_new");
      expect((await listOf(scene.otherClient.token, res.json.id)).status).toBe(404);
    } finally {
      await db.update(workers).set({ userId: null }).where(eq(workers.id, scene.worker.id));
    }
  });
});

describe("several bookings with two workers", () => {
  it("each confirmation arrives exactly once", async () => {
    const emails = Array.from({ length: 5 }, (_, i) => `many-${i}-${randomUUID()}@example.test`);
    for (const [i, email] of emails.entries()) {
      const res = await appointmentsApi.create(
        scene.admin.token,
        scene.slot(30 * i, { client: { name: `Many ${i}`, email } }),
      );
      expect(res.status).toBe(201);
    }
    await vi.waitFor(() => expect(emails.every((e) => mailsTo(e).length >= 1)).toBe(true), wait);
    await sleep(1500);
    expect(emails.map((e) => mailsTo(e).length)).toEqual([1, 1, 1, 1, 1]);
  });

  it("a refused booking plans nothing", async () => {
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(notifications))[0]?.n;
    const before = await count();
    const res = await appointmentsApi.create(
      scene.admin.token,
      scene.slot(0, { client: { name: "Late", email: "late@example.test" } }),
    );
    expect(res.status).toBe(409);
    expect(await count()).toBe(before);
  });
});

describe("a mail server that refuses the recipient", () => {
  it("is retried, then the message is failed with its error, visible in the API", async () => {
    const email = `nobody-${randomUUID()}@example.test`;
    smtp.refused.add(email);
    // The queue logs each failed try; expected here.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await appointmentsApi.create(scene.admin.token, scene.slot(360, { client: { name: "Nobody", email } }));
    expect(res.status).toBe(201);
    await vi.waitFor(
      async () => {
        const items = (await listOf(scene.admin.token, res.json.id)).json.items;
        expect(items.find((n: { kind: string }) => n.kind === "confirmation")?.status).toBe("failed");
      },
      { timeout: 30_000, interval: 200 },
    );
    const confirmation = (await listOf(scene.admin.token, res.json.id)).json.items[0];
    expect(confirmation.attempts).toBe(3);
    expect(confirmation.error).toMatch(/550|mailbox unavailable|rejected/i);
    expect(confirmation.sentAt).toBeNull();
    expect(mailsTo(email)).toHaveLength(0);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});

describe("a send that crashed", () => {
  it("after claiming, before sending: the retry sends it once the claim lapses; a live claim is left alone", async () => {
    const email = `crash-${randomUUID()}@example.test`;
    // A message whose sender claimed it just now (no job of its own: this test is its only sender).
    const [model] = await db.select().from(notifications).where(eq(notifications.kind, "confirmation")).limit(1);
    if (!model) throw new Error("no confirmation to copy");
    const id = randomUUID();
    await db.insert(notifications).values({
      ...model,
      id,
      toAddress: email,
      messageId: `<${id}@example.test>`,
      dedupeKey: `crash:${id}`,
      status: "sending",
      attempts: 1,
      claimedAt: new Date(),
      sentAt: null,
      createdAt: new Date(),
    });
    // Its sender may be alive: this try waits for its turn.
    await expect(sendNotification(id, { id: "retry", attempt: 2, attempts: 3 })).rejects.toThrow(/being sent/);
    // The claim of a sender that died ten minutes ago: the retry sends.
    await db
      .update(notifications)
      .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(notifications.id, id));
    expect(await sendNotification(id, { id: "retry", attempt: 2, attempts: 3 })).toBe("sent");
    await vi.waitFor(() => expect(mailsTo(email)).toHaveLength(1), wait);
    expect(mailsTo(email)[0]?.mail.messageId).toBe(`<${id}@example.test>`);
    // A further run of the same job finds it sent and sends nothing.
    expect(await sendNotification(id, { id: "retry", attempt: 3, attempts: 3 })).toBe("skipped");
    await sleep(300);
    expect(mailsTo(email)).toHaveLength(1);
    const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });
});

describe("the sweep", () => {
  const copyOf = async (email: string, values: Partial<typeof notifications.$inferInsert>) => {
    const [model] = await db.select().from(notifications).where(eq(notifications.kind, "confirmation")).limit(1);
    if (!model) throw new Error("no confirmation to copy");
    const id = randomUUID();
    await db.insert(notifications).values({
      ...model,
      id,
      toAddress: email,
      messageId: `<${id}@example.test>`,
      dedupeKey: `sweep:${id}`,
      sentAt: null,
      lastError: null,
      createdAt: new Date(),
      ...values,
    });
    return id;
  };
  const statusOf = async (id: string) =>
    (await db.select().from(notifications).where(eq(notifications.id, id)))[0]?.status;

  it("sends a message whose job was lost, once, and fails one whose sender died on its last try", async () => {
    const lostEmail = `lost-${randomUUID()}@example.test`;
    const hour = 60 * 60_000;
    const lost = await copyOf(lostEmail, {
      status: "pending",
      attempts: 0,
      sendAfter: new Date(Date.now() - hour),
      claimedAt: null,
    });
    const dead = await copyOf(`dead-${randomUUID()}@example.test`, {
      status: "sending",
      attempts: 5,
      claimedAt: new Date(Date.now() - hour),
    });
    const fresh = await copyOf(`fresh-${randomUUID()}@example.test`, {
      status: "pending",
      attempts: 0,
      sendAfter: new Date(),
    });
    const result = await sweepNotifications();
    expect(result).toMatchObject({ requeued: 1, failed: 1 });
    // A second sweep before the job ran enqueues nothing new (one job per message and attempt count).
    expect((await sweepNotifications()).failed).toBe(0);
    await vi.waitFor(() => expect(mailsTo(lostEmail)).toHaveLength(1), wait);
    await sleep(1000);
    expect(mailsTo(lostEmail)).toHaveLength(1);
    expect(await statusOf(lost)).toBe("sent");
    const [failed] = await db.select().from(notifications).where(eq(notifications.id, dead));
    expect(failed).toMatchObject({ status: "failed", lastError: expect.stringMatching(/stopped/) });
    expect(await statusOf(fresh)).toBe("pending");
  });
});

describe("with no SMTP_URL", () => {
  it("keeps the message in the outbox, shown to managers as it would go out", async () => {
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const email = `outbox-${randomUUID()}@example.test`;
      const res = await appointmentsApi.create(
        scene.admin.token,
        scene.slot(300, { client: { name: "Olga <b>", email } }),
      );
      expect(res.status).toBe(201);
      await vi.waitFor(async () => {
        const items = (await listOf(scene.admin.token, res.json.id)).json.items;
        expect(items[0]).toMatchObject({ kind: "confirmation", status: "sent", outbox: true, sentAt: null });
      }, wait);
      expect(mailsTo(email)).toHaveLength(0);
      const outbox = await call(outboxRoute.GET, "GET", "/api/v1/outbox?limit=10", { token: scene.manager.token });
      expect(outbox.status).toBe(200);
      for (const item of outbox.json.items) outboxMessageSchema.strict().parse(item);
      const kept = outbox.json.items.find((m: { to: string }) => m.to === email);
      expect(kept).toMatchObject({ kind: "confirmation", appointmentId: res.json.id, locale: "en", hasCalendar: true });
      expect(kept.subject).toMatch(/^Booked: /);
      expect(kept.text).toContain("Hello, Olga <b>!");
      expect(kept.html).toContain("Hello, Olga &lt;b&gt;!");
      expect((await call(outboxRoute.GET, "GET", "/api/v1/outbox", { token: scene.admin.token })).status).toBe(403);
    } finally {
      process.env.SMTP_URL = url;
    }
  });
});

describe("a schedule change that cancels appointments", () => {
  it("tells their clients", async () => {
    const email = `orphan-${randomUUID()}@example.test`;
    const res = await appointmentsApi.create(scene.admin.token, scene.slot(180, { client: { name: "Orphan", email } }));
    expect(res.status).toBe(201);
    await vi.waitFor(() => expect(mailsTo(email)).toHaveLength(1), wait);
    const start = new Date(res.json.start);
    await db.transaction(async (tx) => {
      const orphans = await bookedAppointmentsDuring(tx, scene.worker.id, start, new Date(start.getTime() + 60_000));
      await settleOrphans(tx, orphans, { cancel: true, actorId: scene.manager.user.id, action: "shift.delete" });
    });
    await vi.waitFor(() => expect(mailsTo(email)).toHaveLength(2), wait);
    expect(mailsTo(email)[1]?.mail.subject).toMatch(/^Cancelled: /);
  });
});

describe("erasing a client", () => {
  it("forgets the messages about their appointments", async () => {
    const email = `erase-${randomUUID()}@example.test`;
    const res = await appointmentsApi.create(
      scene.admin.token,
      scene.slot(270, { client: { name: "Erase Me", email } }),
    );
    expect(res.status).toBe(201);
    const count = async () =>
      (await db.select().from(notifications).where(eq(notifications.appointmentId, res.json.id))).length;
    // Planned by the booking's appointment-notify job, a moment after the booking answered.
    await vi.waitFor(async () => expect(await count()).toBeGreaterThan(0), wait);
    await db
      .update(clients)
      .set({ erasedAt: new Date(), name: "—", email: null })
      .where(eq(clients.id, res.json.client.id));
    expect(await count()).toBe(0);
  });
});
