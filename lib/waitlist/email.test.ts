// The waitlist's messages end to end, on this file's database (PGlite or PostgreSQL): two clients
// join the list for a full day, staff cancel an appointment, and workers of the job queue (two,
// claiming from the same queues) plan and send the messages to a real SMTP server started here
// (testing/smtp.ts), where they arrive once each, in order of joining, in each client's language, with
// the link to book that day. No mocked transport.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import * as waitlistRoute from "@/app/api/v1/waitlist/route";
import { type JobData, queues } from "@/lib/jobs/queues";
import { createJobs, type Jobs } from "@/lib/jobs/runtime";
import { rememberUserLocale } from "@/lib/notifications/locale";
import { sendNotification } from "@/lib/notifications/send";
import { zonedDateOf } from "@/lib/time/zoned";
import { appointmentsApi, bookingScene } from "@/testing/booking";
import { userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { startTestSmtp, type TestSmtp } from "@/testing/smtp";
import { FREE_UP_QUEUE, notifyWaitlist } from "./free-up";

const wait = { timeout: 20_000, interval: 100 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let smtp: TestSmtp;

const fast = { retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 30 };
const testQueues = {
  [FREE_UP_QUEUE]: { ...queues[FREE_UP_QUEUE], settings: fast },
  "notification-send": { ...queues["notification-send"], settings: fast },
};
const testHandlers = {
  [FREE_UP_QUEUE]: async (data: JobData<typeof FREE_UP_QUEUE>) => notifyWaitlist(data),
  "notification-send": async (
    { notificationId }: { notificationId: string },
    job: Parameters<typeof sendNotification>[1],
  ) => sendNotification(notificationId, job),
};
const workers: Jobs[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
  for (let i = 0; i < 2; i++) {
    workers.push(
      await createJobs({
        queues: testQueues,
        handlers: testHandlers,
        work: true,
        tuning: { pollingIntervalSeconds: 0.5 },
      }),
    );
  }
});

afterAll(async () => {
  await Promise.all(workers.map((jobs) => jobs.stop()));
  await smtp.close();
});

it("a cancellation emails the waiting clients once each, in order of joining, with the link to book", async () => {
  const scene = await bookingScene();
  const day = zonedDateOf(scene.shiftStart, "Europe/Moscow");
  const [holder, first, second] = await Promise.all([
    userWithToken("client", "Holder"),
    userWithToken("client", "Anna First"),
    userWithToken("client", "Борис Второй"),
  ]);
  await rememberUserLocale(second.user.id, "ru");
  const booked = await appointmentsApi.create(holder.token, scene.slot(0));
  expect(booked.status).toBe(201);
  for (const who of [first, second]) {
    const joined = await call(waitlistRoute.POST, "POST", "/api/v1/waitlist", {
      token: who.token,
      body: { workerId: scene.worker.id, serviceId: scene.service.id, date: day },
    });
    expect(joined.status).toBe(201);
  }
  expect((await appointmentsApi.cancel(scene.admin.token, booked.json.id)).status).toBe(200);

  await vi.waitFor(() => expect(smtp.received).toHaveLength(2), wait);
  // The first to join hears first.
  expect(smtp.received.map((r) => r.to)).toEqual([first.user.email, second.user.email]);
  const [toFirst, toSecond] = smtp.received.map((r) => r.mail) as [ParsedMail, ParsedMail];
  expect(toFirst.headers.get("x-slotwise-kind")).toBe("waitlist_slot_free");
  expect(toFirst.subject).toContain("a time you are waiting for is free");
  expect(toSecond.subject).toContain("освободилось время");
  const link = `https://book.example.test/workers/${scene.worker.slug}?service=${scene.service.slug}&date=${day}`;
  expect(toFirst.text).toContain(link);
  expect(toFirst.text).toContain("Hello, Anna First!");
  expect(toSecond.text).toContain("Здравствуйте, Борис Второй!");
  expect(String(toFirst.html)).toContain(`href="${link.replaceAll("&", "&amp;")}"`);
  // Nothing more comes: each entry is told once about this interval.
  await sleep(2500);
  expect(smtp.received).toHaveLength(2);
});
