// /api/v1/webhooks: who may call it, what it accepts, the secret shown once (and kept encrypted),
// 404 for ids that name nothing, the audit rows, and the refusal of private targets in production.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { decryptWebhookSecret } from "@/lib/webhooks/secret";
import { userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import * as deliveries from "./[id]/deliveries/route";
import * as rotate from "./[id]/rotate-secret/route";
import * as item from "./[id]/route";
import * as test from "./[id]/test/route";
import * as collection from "./route";

const as = (token?: string) => {
  const at = (id: string, suffix = "") =>
    [`/api/v1/webhooks/${encodeURIComponent(id)}${suffix}`, { token, params: { id } }] as const;
  return {
    list: () => call(collection.GET, "GET", "/api/v1/webhooks", { token }),
    create: (body: unknown) => call(collection.POST, "POST", "/api/v1/webhooks", { token, body }),
    get: (id: string) => call(item.GET, "GET", ...at(id)),
    patch: (id: string, body: unknown) => call(item.PATCH, "PATCH", at(id)[0], { ...at(id)[1], body }),
    remove: (id: string) => call(item.DELETE, "DELETE", ...at(id)),
    rotate: (id: string) => call(rotate.POST, "POST", ...at(id, "/rotate-secret")),
    deliveries: (id: string) => call(deliveries.GET, "GET", ...at(id, "/deliveries")),
    test: (id: string) => call(test.POST, "POST", ...at(id, "/test")),
  };
};

const valid = { url: "https://partner.example.test/hooks", events: ["appointment.created", "client.created"] };

afterEach(() => vi.unstubAllEnvs());

describe("/api/v1/webhooks access", () => {
  it("answers 401 without credentials and 403 to clients and admins, on every endpoint", async () => {
    const manager = await userWithToken("manager");
    const { json: created } = await as(manager.token).create(valid);
    for (const [token, status] of [
      [undefined, 401],
      [(await userWithToken("client")).token, 403],
      [(await userWithToken("admin")).token, 403],
    ] as const) {
      const api = as(token);
      const answers = [
        await api.list(),
        await api.create(valid),
        await api.get(created.id),
        await api.patch(created.id, { active: false }),
        await api.remove(created.id),
        await api.rotate(created.id),
        await api.deliveries(created.id),
        await api.test(created.id),
      ];
      expect(answers.map((r) => r.status)).toEqual(answers.map(() => status));
      expect(answers[0]?.json.error.code).toBe(status === 401 ? "unauthenticated" : "forbidden");
    }
    // Nothing was changed by the refused calls.
    expect((await as(manager.token).get(created.id)).json.active).toBe(true);
  });
});

describe("/api/v1/webhooks", () => {
  it("registers an endpoint, showing its secret once, and keeps the secret encrypted", async () => {
    const { token, user } = await userWithToken("manager");
    const res = await as(token).create({ ...valid, description: "  CRM sync  " });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      url: valid.url,
      events: ["appointment.created", "client.created"],
      description: "CRM sync",
      active: true,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { id, secret } = res.json;
    expect(Buffer.from(secret.slice("whsec_".length), "base64")).toHaveLength(32);

    // Never shown again.
    const read = await as(token).get(id);
    expect(read.status).toBe(200);
    expect(read.json).not.toHaveProperty("secret");
    const list = await as(token).list();
    expect(list.json.items.map((w: { id: string }) => w.id)).toContain(id);
    expect(JSON.stringify(list.json)).not.toContain(secret.slice(6));

    // Stored encrypted, not as is; it decrypts to the secret shown.
    const [row] = await (await getDb()).select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    expect(row?.secretCiphertext).not.toContain(secret.slice(6));
    expect(decryptWebhookSecret(row?.secretCiphertext as string)).toBe(secret);

    // Audited, without the secret.
    const audit = await (await getDb())
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "webhook"), eq(auditLog.entityId, id)));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["webhook.create", user.id]]);
    expect(JSON.stringify(audit)).not.toContain(secret.slice(6));
  });

  it("changes, rotates and deletes, each audited", async () => {
    const { token } = await userWithToken("manager");
    const { json: created } = await as(token).create(valid);
    const patched = await as(token).patch(created.id, {
      events: ["client.created", "appointment.cancelled", "client.created"],
      active: false,
      description: "",
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      events: ["appointment.cancelled", "client.created"],
      active: false,
      description: null,
      url: valid.url,
    });
    expect(patched.json).not.toHaveProperty("secret");

    const rotated = await as(token).rotate(created.id);
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(created.secret);
    const [row] = await (await getDb()).select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id));
    expect(decryptWebhookSecret(row?.secretCiphertext as string)).toBe(rotated.json.secret);

    expect((await as(token).remove(created.id)).status).toBe(204);
    expect((await as(token).get(created.id)).status).toBe(404);
    expect((await as(token).remove(created.id)).status).toBe(404);

    const audit = await (await getDb())
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "webhook"), eq(auditLog.entityId, created.id)))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual([
      "webhook.create",
      "webhook.update",
      "webhook.rotate_secret",
      "webhook.delete",
    ]);
    expect(audit[1]?.before).toMatchObject({ active: true });
    expect(audit[1]?.after).toMatchObject({ active: false });
    expect(JSON.stringify(audit)).not.toContain(rotated.json.secret.slice(6));
    expect(JSON.stringify(audit)).not.toContain(created.secret.slice(6));
  });

  it.each([
    [{ ...valid, url: "ftp://example.test/x" }, "url"],
    [{ ...valid, url: "javascript:alert(1)" }, "url"],
    [{ ...valid, url: "not a url" }, "url"],
    [{ ...valid, url: "" }, "url"],
    [{ ...valid, url: "https://example.test/a\nb" }, "url"],
    [{ ...valid, url: `https://example.test/${"a".repeat(2000)}` }, "url"],
    [{ ...valid, events: [] }, "events"],
    [{ ...valid, events: ["appointment.deleted"] }, "events.0"],
    [{ ...valid, events: "client.created" }, "events"],
    [{ url: valid.url }, "events"],
    [{ events: valid.events }, "url"],
    [{ ...valid, active: "yes" }, "active"],
    [{ ...valid, description: "x".repeat(501) }, "description"],
    [{ ...valid, secret: "whsec_mine" }, ""],
  ])("refuses %j with 400 at %s", async (body, path) => {
    const { token } = await userWithToken("manager");
    const res = await as(token).create(body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("refuses bad PATCH bodies, and answers 400 invalid_json to a body that is not JSON", async () => {
    const { token } = await userWithToken("manager");
    const { json: created } = await as(token).create(valid);
    expect((await as(token).patch(created.id, { events: [] })).status).toBe(400);
    expect((await as(token).patch(created.id, { url: "file:///etc/passwd" })).status).toBe(400);
    expect((await as(token).patch(created.id, { secretCiphertext: "x" })).status).toBe(400);
    const raw = await call(item.PATCH, "PATCH", `/api/v1/webhooks/${created.id}`, {
      token,
      params: { id: created.id },
      rawBody: "{",
      headers: { "content-type": "application/json" },
    });
    expect(raw.json.error.code).toBe("invalid_json");
  });

  it.each([
    "00000000-0000-4000-8000-000000000000",
    "abc",
    "1",
    "../users",
    "' or 1=1 --",
    "00000000-0000-4000-8000-00000000000",
    "%00",
    "\u0000",
    "x".repeat(500),
  ])("answers 404 not_found for the id %j on every endpoint", async (id) => {
    const api = as((await userWithToken("manager")).token);
    const answers = [
      await api.get(id),
      await api.patch(id, { active: false }),
      await api.remove(id),
      await api.rotate(id),
      await api.deliveries(id),
      await api.test(id),
    ];
    expect(answers.map((r) => [r.status, r.json.error.code])).toEqual(answers.map(() => [404, "not_found"]));
  });

  it("in production refuses loopback and private targets unless WEBHOOK_ALLOW_PRIVATE=1", async () => {
    const { token } = await userWithToken("manager");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "");
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://api.localhost/hook",
      "http://10.1.2.3/",
      "http://172.16.0.1/",
      "http://192.168.1.10/",
      "http://169.254.169.254/latest/meta-data",
      "http://100.64.0.1/",
      "http://0.0.0.0/",
      "http://[::1]/",
      "http://[fd00::1]/",
      "http://[fe80::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://2130706433/",
    ]) {
      const res = await as(token).create({ ...valid, url });
      expect(res.status, url).toBe(400);
      expect(res.json.error.details.issues, url).toEqual([
        { path: "url", message: "This address is on a loopback or private network; webhooks may not be sent there." },
      ]);
    }
    const { json: created } = await as(token).create({ ...valid, url: "https://93.184.216.34/hook" });
    expect(created.url).toBe("https://93.184.216.34/hook");
    expect((await as(token).patch(created.id, { url: "http://127.0.0.1/" })).status).toBe(400);

    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
    expect((await as(token).create({ ...valid, url: "http://127.0.0.1:8080/hook" })).status).toBe(201);
  });

  it("queues a test message, whose pending try the deliveries list shows", async () => {
    const { token } = await userWithToken("manager");
    const { json: created } = await as(token).create({ ...valid, active: false });
    expect((await as(token).deliveries(created.id)).json).toEqual({ items: [] });
    // The queue must exist for the job to be written; startJobs creates it in the app.
    const { createJobs } = await import("@/lib/jobs/runtime");
    const { queues } = await import("@/lib/jobs/queues");
    const jobs = await createJobs({
      queues: { "webhook-deliver": queues["webhook-deliver"] },
      handlers: { "webhook-deliver": async () => undefined },
      work: false,
    });
    await jobs.stop();
    const res = await as(token).test(created.id);
    expect(res.status).toBe(202);
    expect(res.json).toEqual({
      messageId: expect.stringMatching(/^msg_[0-9a-f]{32}$/),
      delivery: expect.objectContaining({ type: "webhook.test", attempt: 1, status: "pending", statusCode: null }),
    });
    const list = await as(token).deliveries(created.id);
    expect(list.json.items).toEqual([res.json.delivery]);
    const [row] = await (await getDb())
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, res.json.delivery.id));
    expect(JSON.parse(row?.body as string)).toEqual({
      type: "webhook.test",
      timestamp: expect.any(String),
      data: { endpointId: created.id, message: expect.any(String) },
    });
  });
});
