// A manager's webhook endpoints (API.md "Webhooks"): registering one (its secret shown once),
// changing, rotating the secret, deleting, reading the tries, and sending a test message. Each
// change is audited (never with the secret).
import { lookup } from "node:dns/promises";
import { type Executor, getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  lockWebhookEndpoint,
  updateWebhookEndpoint,
  type WebhookEndpointChanges,
} from "@/db/queries/webhooks";
import { WEBHOOK_TEST_EVENT, type WebhookDelivery, type WebhookEndpoint } from "@/db/schema/webhooks";
import { toWebhookEndpointJson } from "@/lib/contract/webhook";
import { notFound, validationFailed } from "@/lib/errors";
import type { PageQuery } from "@/lib/validation/common";
import { ipLiteral, isBlockedAddress, privateTargetsAllowed } from "./address";
import { queueMessages, testMessageData } from "./emit";
import type { WebhookCreate, WebhookPatch } from "./schemas";
import { encryptWebhookSecret, generateWebhookSecret } from "./secret";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOLVE_TIMEOUT_MS = 3_000;

const missing = () => notFound("Webhook");

/** Refuses (400, at `url`) a target on a loopback or private address, unless such targets are allowed. */
async function checkTarget(url: string): Promise<void> {
  if (privateTargetsAllowed()) return;
  const { hostname } = new URL(url);
  const refuse = () =>
    validationFailed("url", "This address is on a loopback or private network; webhooks may not be sent there.");
  const literal = ipLiteral(hostname);
  if (literal) {
    if (isBlockedAddress(literal)) throw refuse();
    return;
  }
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) throw refuse();
  // A name that does not resolve now may later; every send checks its addresses again.
  let timer: NodeJS.Timeout | number | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, RESOLVE_TIMEOUT_MS);
  });
  const addresses = await Promise.race([lookup(hostname, { all: true }).catch(() => undefined), timeout]);
  clearTimeout(timer);
  if (addresses?.some((a) => isBlockedAddress(a.address))) throw refuse();
}

const audit = (
  actorId: string,
  action: string,
  entityId: string,
  before?: WebhookEndpoint,
  after?: WebhookEndpoint,
) => ({
  actorId,
  action: `webhook.${action}`,
  entity: "webhook",
  entityId,
  before: before && toWebhookEndpointJson(before),
  after: after && toWebhookEndpointJson(after),
});

export async function listWebhooks(page: PageQuery): Promise<WebhookEndpoint[]> {
  return listWebhookEndpoints(await getDb(), page);
}

export async function getWebhook(id: string): Promise<WebhookEndpoint> {
  const row = UUID.test(id) ? await findWebhookEndpoint(await getDb(), id) : undefined;
  if (!row) throw missing();
  return row;
}

/** Registers an endpoint; the secret is answered here and never again. */
export async function createWebhook(
  input: WebhookCreate,
  actorId: string,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  await checkTarget(input.url);
  const secret = generateWebhookSecret();
  const db = await getDb();
  const endpoint = await db.transaction(async (tx) => {
    const row = await insertWebhookEndpoint(tx, {
      url: input.url,
      events: input.events,
      description: input.description ?? null,
      active: input.active ?? true,
      secretCiphertext: encryptWebhookSecret(secret),
    });
    await recordAudit(tx, audit(actorId, "create", row.id, undefined, row));
    return row;
  });
  return { endpoint, secret };
}

/** Runs `change` on the locked endpoint in one transaction; 404 when there is none. */
async function withLocked<T>(id: string, change: (tx: Executor, before: WebhookEndpoint) => Promise<T>): Promise<T> {
  if (!UUID.test(id)) throw missing();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockWebhookEndpoint(tx, id);
    if (!before) throw missing();
    return change(tx, before);
  });
}

export async function updateWebhook(id: string, patch: WebhookPatch, actorId: string): Promise<WebhookEndpoint> {
  if (patch.url !== undefined) await checkTarget(patch.url);
  return withLocked(id, async (tx, before) => {
    const changes: WebhookEndpointChanges = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    );
    const row = (await updateWebhookEndpoint(tx, id, changes)) ?? before;
    await recordAudit(tx, audit(actorId, "update", id, before, row));
    return row;
  });
}

/** A new secret for the endpoint, answered once; the old one stops signing at once. */
export async function rotateWebhookSecret(
  id: string,
  actorId: string,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const secret = generateWebhookSecret();
  const endpoint = await withLocked(id, async (tx, before) => {
    const row = (await updateWebhookEndpoint(tx, id, { secretCiphertext: encryptWebhookSecret(secret) })) ?? before;
    await recordAudit(tx, audit(actorId, "rotate_secret", id, before, row));
    return row;
  });
  return { endpoint, secret };
}

/** Deletes the endpoint with its delivery log; its pending tries are dropped. */
export async function deleteWebhook(id: string, actorId: string): Promise<void> {
  await withLocked(id, async (tx, before) => {
    await deleteWebhookEndpoint(tx, id);
    await recordAudit(tx, audit(actorId, "delete", id, before));
  });
}

/** The endpoint's tries, newest first; 404 when there is no such endpoint. */
export async function listWebhookTries(id: string, page: PageQuery): Promise<WebhookDelivery[]> {
  await getWebhook(id);
  return listWebhookDeliveries(await getDb(), id, page);
}

/** Queues a `webhook.test` message to the endpoint (active or not); answers its first try. */
export async function sendTestMessage(id: string): Promise<WebhookDelivery> {
  return withLocked(id, async (tx) => {
    const [delivery] = await queueMessages(tx, [id], WEBHOOK_TEST_EVENT, testMessageData(id));
    if (!delivery) throw new Error("webhooks: the test message was not queued");
    return delivery;
  });
}
