// The deliveries log keeps finished tries for 30 days: older succeeded and failed tries are deleted
// (in batches, however many there are), pending ones and younger ones stay, and a second run finds
// nothing more to do.
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { purgeWebhookTries, WEBHOOK_TRY_RETENTION_DAYS } from "./purge";

const DAY = 24 * 60 * 60 * 1000;

it("deletes finished tries older than 30 days and keeps pending and younger ones", async () => {
  const db = await getDb();
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({
      url: "https://hooks.example.test/purge",
      secretCiphertext: "not-read-here",
      events: ["appointment.created"],
    })
    .returning();
  if (!endpoint) throw new Error("no endpoint");
  const now = new Date("2026-12-07T12:00:00Z");
  const ago = (days: number, minutes = 0) => new Date(now.getTime() - days * DAY - minutes * 60_000);
  const tryRow = (status: "pending" | "succeeded" | "failed", createdAt: Date) => ({
    endpointId: endpoint.id,
    eventType: "appointment.created",
    messageId: `msg_${randomUUID().replaceAll("-", "")}`,
    body: "{}",
    attempt: 1,
    status,
    scheduledAt: createdAt,
    createdAt,
  });
  const old = [
    tryRow("succeeded", ago(WEBHOOK_TRY_RETENTION_DAYS, 1)),
    tryRow("failed", ago(90)),
    ...Array.from({ length: 5_005 }, () => tryRow("succeeded", ago(40))),
  ];
  const kept = [
    tryRow("pending", ago(90)),
    tryRow("succeeded", ago(WEBHOOK_TRY_RETENTION_DAYS - 1)),
    tryRow("failed", ago(0)),
  ];
  const rows = await db
    .insert(webhookDeliveries)
    .values([...old, ...kept])
    .returning({ id: webhookDeliveries.id });
  const keptIds = rows.slice(old.length).map((r) => r.id);

  expect(await purgeWebhookTries(db, now)).toBe(old.length);
  const left = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpoint.id));
  expect(left.map((r) => r.id).sort()).toEqual([...keptIds].sort());
  expect(await purgeWebhookTries(db, now)).toBe(0);

  await db.delete(webhookDeliveries).where(inArray(webhookDeliveries.id, keptIds));
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
});
