// Events become messages in the transaction of the change that causes them: one pending try and one
// job per active endpoint subscribed to the event, so a rolled-back change sends nothing and a
// committed one is always delivered (or its failures recorded).
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { insertQueuedJob } from "@/db/queries/queued-jobs";
import { insertFirstWebhookTry, queueToSubscribers } from "@/db/queries/webhook-tries";
import { WEBHOOK_TEST_EVENT, type WebhookDelivery, type WebhookEvent } from "@/db/schema/webhooks";
import type { Appointment, Client } from "@/lib/contract";
import { jobId } from "@/lib/jobs/enqueue";
import { queues } from "@/lib/jobs/queues";

const DELIVER_QUEUE = "webhook-deliver";

/** What each event carries as `data`: the API's own JSON of the record. */
export type WebhookEventData = {
  "appointment.created": Appointment;
  "appointment.rescheduled": Appointment;
  "appointment.cancelled": Appointment;
  "appointment.status_changed": Appointment;
  "client.created": Client;
};

/** A message id (the webhook-id header), the same for every try of the message. */
const newMessageId = () => `msg_${randomUUID().replaceAll("-", "")}`;

/**
 * The job of one pending try (its id made from the try's, so it is enqueued once): one prepared
 * insert, which goes out with the statements issued beside it.
 */
export async function enqueueTry(executor: Executor, delivery: Pick<WebhookDelivery, "id" | "scheduledAt">) {
  await insertQueuedJob(executor, {
    id: jobId(`webhook:${delivery.id}`),
    name: DELIVER_QUEUE,
    data: queues[DELIVER_QUEUE].data.parse({ deliveryId: delivery.id }),
    startAfter: delivery.scheduledAt,
  });
}

/**
 * Queues one message of `type` with `data` to each endpoint, in the caller's transaction: each first
 * try and its job written together (ids made here), all in one round trip.
 */
export async function queueMessages(
  executor: Executor,
  endpointIds: string[],
  type: string,
  data: unknown,
  now = new Date(),
): Promise<WebhookDelivery[]> {
  if (endpointIds.length === 0) return [];
  const body = JSON.stringify({ type, timestamp: now.toISOString(), data });
  const tries = endpointIds.map((endpointId) => ({
    id: randomUUID(),
    endpointId,
    eventType: type,
    messageId: newMessageId(),
    body,
    scheduledAt: now,
  }));
  // The jobs first: small statements, sent before a long body fills the connection's write buffer.
  const [, rows] = await Promise.all([
    Promise.all(tries.map((t) => enqueueTry(executor, t))),
    Promise.all(tries.map((t) => insertFirstWebhookTry(executor, t))),
  ]);
  return rows;
}

/**
 * Tells every active endpoint subscribed to `type` about `data`, in the caller's transaction
 * (`tx`): call it beside the change's audit row. One statement reads the endpoints and writes each a
 * try and its job, so it costs no round trip of its own.
 */
export async function emitWebhookEvent<T extends WebhookEvent>(
  tx: Executor,
  type: T,
  data: WebhookEventData[T],
): Promise<void> {
  const at = new Date();
  const body = JSON.stringify({ type, timestamp: at.toISOString(), data });
  await queueToSubscribers(tx, { event: type, body, at, queue: DELIVER_QUEUE });
}

/** The body of a test message: which endpoint it is for. */
export const testMessageData = (endpointId: string) => ({
  endpointId,
  message: "A test message from Slotwise: the endpoint and its secret work.",
});

export { WEBHOOK_TEST_EVENT };
