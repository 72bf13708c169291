// Webhook endpoints and the tries of their deliveries: rows in, rows out.
import { and, asc, desc, eq, inArray, lt, ne, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  type NewWebhookDelivery,
  type NewWebhookEndpoint,
  type WebhookDelivery,
  type WebhookEndpoint,
  webhookDeliveries,
  webhookEndpoints,
} from "../schema/webhooks";
import { statement } from "../statements";

export type Page = { limit: number; offset: number };

export async function listWebhookEndpoints(db: Executor, page: Page): Promise<WebhookEndpoint[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function findWebhookEndpoint(db: Executor, id: string): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);
  return row;
}

/** The endpoint, locked for a change in the caller's transaction. */
export async function lockWebhookEndpoint(db: Executor, id: string): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).for("update").limit(1);
  return row;
}

// Run in every booking's transaction: prepared once per connection.
const subscribedEndpoints = statement("webhook_subscribed_endpoints", (db) =>
  db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.active, true), sql`${sql.placeholder("event")}::text = any(${webhookEndpoints.events})`),
    ),
);

/** The active endpoints that subscribe to `event`. */
export async function listSubscribedEndpoints(db: Executor, event: string): Promise<{ id: string }[]> {
  return subscribedEndpoints(db, { event });
}

export async function insertWebhookEndpoint(db: Executor, values: NewWebhookEndpoint): Promise<WebhookEndpoint> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  if (!row) throw new Error("webhook endpoint insert returned no row");
  return row;
}

export type WebhookEndpointChanges = Partial<
  Pick<NewWebhookEndpoint, "url" | "events" | "description" | "active" | "secretCiphertext">
>;

export async function updateWebhookEndpoint(
  db: Executor,
  id: string,
  changes: WebhookEndpointChanges,
): Promise<WebhookEndpoint | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row;
}

/** Deletes the endpoint and, by the foreign key, its deliveries. */
export async function deleteWebhookEndpoint(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .delete(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** Inserts tries (pending, as a rule) and answers them in the order given. */
export async function insertWebhookDeliveries(db: Executor, values: NewWebhookDelivery[]): Promise<WebhookDelivery[]> {
  if (values.length === 0) return [];
  return db.insert(webhookDeliveries).values(values).returning();
}

export async function findWebhookDelivery(db: Executor, id: string): Promise<WebhookDelivery | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).limit(1);
  return row;
}

export type WebhookTryResult = Pick<
  WebhookDelivery,
  "status" | "statusCode" | "error" | "durationMs" | "attemptedAt" | "nextAttemptAt"
>;

/**
 * Records a try's outcome on its row, only while the row is still pending (a job run twice records
 * once); answers the row, or undefined when it was no longer pending.
 */
export async function recordWebhookTry(
  db: Executor,
  id: string,
  result: WebhookTryResult,
): Promise<WebhookDelivery | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set(result)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "pending")))
    .returning();
  return row;
}

/** An endpoint's tries, newest first. */
export async function listWebhookDeliveries(db: Executor, endpointId: string, page: Page): Promise<WebhookDelivery[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.attempt), desc(webhookDeliveries.id))
    .limit(page.limit)
    .offset(page.offset);
}

/**
 * Deletes at most `limit` finished tries (succeeded or failed; a pending one is still to run) made
 * before `cutoff`; answers how many went.
 */
export async function deleteFinishedTriesBefore(db: Executor, cutoff: Date, limit: number): Promise<number> {
  const doomed = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(lt(webhookDeliveries.createdAt, cutoff), ne(webhookDeliveries.status, "pending")))
    .limit(limit);
  const gone = await db
    .delete(webhookDeliveries)
    .where(inArray(webhookDeliveries.id, doomed))
    .returning({ id: webhookDeliveries.id });
  return gone.length;
}
