// Delivery through the job queue to a real HTTP receiver on 127.0.0.1 (short retry waits via
// WEBHOOK_RETRY_DELAYS): a receiver failing twice then answering 200 sees three tries with one
// webhook-id, each signed afresh and verifying with the secret shown at registration, and the
// deliveries list shows the three; a timeout is a failed try; the last failure gives up; a rolled-back
// change sends nothing; a deactivated endpoint's retries stop; a rotated secret signs what follows.
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { toClientJson } from "@/lib/contract";
import { handlers } from "@/lib/jobs/handlers";
import { queues } from "@/lib/jobs/queues";
import { createJobs, type Jobs } from "@/lib/jobs/runtime";
import { deliverWebhookTry } from "@/lib/webhooks/deliver";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { appointmentsApi, bookingScene } from "@/testing/booking";
import { makeClient, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { type Receiver, type Reply, startReceiver } from "@/testing/webhook-receiver";
import * as registerRoute from "../auth/register/route";
import * as clientsRoute from "../clients/route";
import * as shiftRoute from "../shifts/[id]/route";
import * as deliveries from "./[id]/deliveries/route";
import * as rotate from "./[id]/rotate-secret/route";
import * as item from "./[id]/route";
import * as test from "./[id]/test/route";
import * as collection from "./route";

let jobs: Jobs;
let token: string;
let receiver: Receiver;
let reply: (index: number) => Reply;

beforeAll(async () => {
  process.env.WEBHOOK_RETRY_DELAYS = "0.2,0.2,0.2,0.2,0.2";
  // Every queue exists (a booking also enqueues its emails), but only the webhooks' is worked here.
  await (await createJobs({ queues, handlers, work: false })).stop();
  jobs = await createJobs({
    queues: { "webhook-deliver": queues["webhook-deliver"] },
    handlers: { "webhook-deliver": ({ deliveryId }) => deliverWebhookTry(deliveryId) },
    work: true,
    tuning: { pollingIntervalSeconds: 0.5 },
  });
  token = (await userWithToken("manager")).token;
  receiver = await startReceiver((_request, index) => reply(index));
});

afterAll(async () => {
  await jobs.stop();
  await receiver.close();
  delete process.env.WEBHOOK_RETRY_DELAYS;
  delete process.env.WEBHOOK_TIMEOUT_MS;
});

beforeEach(async () => {
  // Each test's endpoints only: the ones before are gone (with their tries).
  await (await getDb()).delete(webhookEndpoints);
  receiver.received.length = 0;
  reply = () => ({ status: 200 });
});

const register = async (events = ["client.created"]) => {
  const res = await call(collection.POST, "POST", "/api/v1/webhooks", { token, body: { url: receiver.url, events } });
  expect(res.status).toBe(201);
  return res.json as { id: string; secret: string };
};
const triesOf = async (id: string) =>
  (await call(deliveries.GET, "GET", `/api/v1/webhooks/${id}/deliveries`, { token, params: { id } })).json.items;
const settled = async (id: string, count: number) => {
  await vi.waitFor(
    async () => {
      const items = await triesOf(id);
      expect(items.filter((t: { status: string }) => t.status !== "pending")).toHaveLength(count);
      expect(items.some((t: { status: string }) => t.status === "pending")).toBe(false);
    },
    { timeout: 20_000, interval: 200 },
  );
  return triesOf(id);
};
const emitClientCreated = async () => {
  const client = await makeClient("Ada Webhook");
  await (await getDb()).transaction((tx) => emitWebhookEvent(tx, "client.created", toClientJson(client)));
  return client;
};
const headersOf = (r: Receiver["received"][number]) => r.headers as Record<string, string>;

describe("webhook delivery through the queue", () => {
  it("retries a receiver that fails twice, with one webhook-id, until it answers 200; the log shows all three", async () => {
    const endpoint = await register();
    reply = (index) => (index < 2 ? { status: 500, body: "not yet" } : { status: 200 });
    const client = await emitClientCreated();

    const tries = await settled(endpoint.id, 3);
    expect(receiver.received).toHaveLength(3);
    const ids = receiver.received.map((r) => r.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^msg_/);
    // Each try carries the same body, signed afresh, and verifies with the secret shown once.
    const hook = new Webhook(endpoint.secret);
    for (const r of receiver.received) {
      expect(r.body).toBe(receiver.received[0]?.body);
      expect(hook.verify(r.body, headersOf(r))).toEqual({
        type: "client.created",
        timestamp: expect.any(String),
        data: toClientJson(client),
      });
    }

    expect(tries.map((t: Record<string, unknown>) => [t.attempt, t.status, t.statusCode, t.messageId, t.type])).toEqual(
      [
        [3, "succeeded", 200, ids[0], "client.created"],
        [2, "failed", 500, ids[0], "client.created"],
        [1, "failed", 500, ids[0], "client.created"],
      ],
    );
    expect(tries[1].error).toBe("HTTP 500: not yet");
    for (const t of tries) {
      expect(Date.parse(t.attemptedAt)).not.toBeNaN();
      expect(t.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(tries[0].nextAttemptAt).toBeNull();
    expect(Date.parse(tries[1].nextAttemptAt)).toBeGreaterThan(Date.parse(tries[1].attemptedAt));
  });

  it("counts a receiver slower than the time limit as a failed try, and retries it", async () => {
    process.env.WEBHOOK_TIMEOUT_MS = "400";
    try {
      const endpoint = await register();
      reply = (index) => (index === 0 ? { status: 200, delayMs: 3_000 } : { status: 204 });
      await emitClientCreated();
      const tries = await settled(endpoint.id, 2);
      expect(tries.map((t: Record<string, unknown>) => [t.attempt, t.status, t.statusCode, t.error])).toEqual([
        [2, "succeeded", 204, null],
        [1, "failed", null, "Timed out after 0.4 s."],
      ]);
    } finally {
      delete process.env.WEBHOOK_TIMEOUT_MS;
    }
  });

  it("gives up after the last try, which shows no next attempt", async () => {
    process.env.WEBHOOK_RETRY_DELAYS = "0.2,0.2";
    try {
      const endpoint = await register();
      reply = () => ({ status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } });
      await emitClientCreated();
      const tries = await settled(endpoint.id, 3);
      expect(tries.map((t: Record<string, unknown>) => [t.attempt, t.status, t.statusCode])).toEqual([
        [3, "failed", 302],
        [2, "failed", 302],
        [1, "failed", 302],
      ]);
      expect(tries[0].error).toBe("Redirect to http://127.0.0.1:1/elsewhere not followed.");
      expect(tries.map((t: { nextAttemptAt: string | null }) => t.nextAttemptAt === null)).toEqual([
        true,
        false,
        false,
      ]);
      expect(receiver.received).toHaveLength(3);
    } finally {
      process.env.WEBHOOK_RETRY_DELAYS = "0.2,0.2,0.2,0.2,0.2";
    }
  });

  it("sends nothing for a rolled-back change, an event not subscribed to, or an inactive endpoint", async () => {
    const endpoint = await register(["client.created"]);
    const other = await register(["appointment.cancelled"]);
    const inactive = await register(["client.created"]);
    await call(item.PATCH, "PATCH", "", { token, params: { id: inactive.id }, body: { active: false } });
    const client = await makeClient();
    await expect(
      (await getDb()).transaction(async (tx) => {
        await emitWebhookEvent(tx, "client.created", toClientJson(client));
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.received).toHaveLength(0);
    for (const id of [endpoint.id, other.id, inactive.id]) expect(await triesOf(id)).toEqual([]);
    // Committed, it goes to the subscribed active endpoint only.
    await emitClientCreated();
    await settled(endpoint.id, 1);
    expect(receiver.received).toHaveLength(1);
    expect(await triesOf(other.id)).toEqual([]);
    expect(await triesOf(inactive.id)).toEqual([]);
  });

  it("stops retrying once the endpoint is deactivated", async () => {
    process.env.WEBHOOK_RETRY_DELAYS = "2";
    try {
      const endpoint = await register();
      reply = () => ({ status: 503 });
      await emitClientCreated();
      await vi.waitFor(async () => expect(receiver.received).toHaveLength(1), { timeout: 10_000, interval: 100 });
      await call(item.PATCH, "PATCH", "", { token, params: { id: endpoint.id }, body: { active: false } });
      const tries = await settled(endpoint.id, 2);
      expect(tries.map((t: Record<string, unknown>) => [t.attempt, t.status, t.error])).toEqual([
        [2, "failed", "Not sent: the endpoint is inactive."],
        [1, "failed", "HTTP 503"],
      ]);
      expect(receiver.received).toHaveLength(1);
    } finally {
      process.env.WEBHOOK_RETRY_DELAYS = "0.2,0.2,0.2,0.2,0.2";
    }
  });

  it("delivers a test message, signed with the rotated secret and not the old one", async () => {
    const endpoint = await register(["appointment.created"]);
    const rotated = await call(rotate.POST, "POST", "", { token, params: { id: endpoint.id } });
    const sent = await call(test.POST, "POST", "", { token, params: { id: endpoint.id } });
    expect(sent.status).toBe(202);
    const [done] = await settled(endpoint.id, 1);
    expect(done).toMatchObject({ type: "webhook.test", status: "succeeded", messageId: sent.json.messageId });
    const [got] = receiver.received;
    expect(got?.headers["webhook-id"]).toBe(sent.json.messageId);
    expect(new Webhook(rotated.json.secret).verify(got?.body as string, headersOf(got as never))).toMatchObject({
      type: "webhook.test",
      data: { endpointId: endpoint.id },
    });
    expect(() => new Webhook(endpoint.secret).verify(got?.body as string, headersOf(got as never))).toThrow();
  });

  it("runs each try once even if its job runs twice", async () => {
    const endpoint = await register();
    await emitClientCreated();
    await settled(endpoint.id, 1);
    const [row] = await (await getDb())
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(await deliverWebhookTry(row?.id as string)).toEqual({ skipped: "done" });
    expect(receiver.received).toHaveLength(1);
  });

  it("tells client.created subscribers about a client the desk adds and one who registers", async () => {
    const endpoint = await register(["client.created"]);
    const desk = await userWithToken("admin");
    const added = await call(clientsRoute.POST, "POST", "/api/v1/clients", {
      token: desk.token,
      body: { name: "Desk Client", phone: "+1 555 0101" },
    });
    expect(added.status).toBe(201);
    const registered = await call(registerRoute.POST, "POST", "/api/v1/auth/register", {
      body: { email: `hook-${Date.now()}@example.test`, password: "a long passphrase", name: "Self Registered" },
    });
    expect(registered.status).toBe(201);
    await settled(endpoint.id, 2);
    const hook = new Webhook(endpoint.secret);
    const bodies = receiver.received.map((r) => hook.verify(r.body, headersOf(r)) as { type: string; data: unknown });
    expect(bodies.map((b) => b.type)).toEqual(["client.created", "client.created"]);
    expect(bodies.map((b) => b.data)).toEqual(
      expect.arrayContaining([
        added.json,
        expect.objectContaining({ name: "Self Registered", userId: registered.json.user.id }),
      ]),
    );
  });

  it("tells subscribers about a booking (and its new client), a reschedule, a status change and a cancellation", async () => {
    const endpoint = await register([
      "appointment.created",
      "appointment.rescheduled",
      "appointment.cancelled",
      "appointment.status_changed",
      "client.created",
    ]);
    const scene = await bookingScene();
    const desk = scene.admin.token;
    const booked = await appointmentsApi.create(desk, scene.slot(0, { client: { name: "Inline Client" } }));
    expect(booked.status).toBe(201);
    const id = booked.json.id;
    const moved = await appointmentsApi.patch(desk, id, { start: scene.slot(60).start });
    expect(moved.status).toBe(200);
    const marked = await appointmentsApi.patch(desk, id, { status: "no_show" });
    expect(marked.status).toBe(200);
    const second = await appointmentsApi.create(desk, scene.slot(180, { clientId: booked.json.client.id }));
    const cancelled = await appointmentsApi.cancel(desk, second.json.id);
    expect(cancelled.status).toBe(200);
    // A notes-only change is no event.
    expect((await appointmentsApi.patch(desk, id, { notes: "quiet" })).status).toBe(200);

    await settled(endpoint.id, 6);
    const hook = new Webhook(endpoint.secret);
    const events = receiver.received.map((r) => hook.verify(r.body, headersOf(r)) as { type: string; data: never });
    expect(events.map((e) => e.type).sort()).toEqual(
      [
        "appointment.cancelled",
        "appointment.created",
        "appointment.created",
        "appointment.rescheduled",
        "appointment.status_changed",
        "client.created",
      ].sort(),
    );
    const of = (type: string) => events.filter((e) => e.type === type).map((e) => e.data);
    expect(of("appointment.created")).toEqual(expect.arrayContaining([booked.json, second.json]));
    expect(of("appointment.rescheduled")).toEqual([moved.json]);
    expect(of("appointment.status_changed")).toEqual([marked.json]);
    expect(of("appointment.cancelled")).toEqual([cancelled.json]);
    expect(of("client.created")).toEqual([
      expect.objectContaining({ id: booked.json.client.id, name: "Inline Client" }),
    ]);
  });

  it("tells appointment.cancelled subscribers about appointments a deleted shift cancels", async () => {
    const endpoint = await register(["appointment.cancelled"]);
    const scene = await bookingScene();
    const booked = await appointmentsApi.create(scene.admin.token, scene.slot(30, { client: { name: "Orphan" } }));
    expect(booked.status).toBe(201);
    const removed = await call(
      shiftRoute.DELETE,
      "DELETE",
      `/api/v1/shifts/${scene.shift.id}?cancelAppointments=true`,
      {
        token: scene.manager.token,
        params: { id: scene.shift.id },
      },
    );
    expect(removed.status).toBe(204);
    await settled(endpoint.id, 1);
    const [got] = receiver.received;
    const event = new Webhook(endpoint.secret).verify(got?.body as string, headersOf(got as never)) as {
      type: string;
      data: { id: string; status: string; cancelledAt: string | null };
    };
    expect(event.type).toBe("appointment.cancelled");
    expect(event.data).toMatchObject({ id: booked.json.id, status: "cancelled", cancelledAt: expect.any(String) });
    expect((await appointmentsApi.get(scene.admin.token, booked.json.id)).json).toEqual(event.data);
  });
});
