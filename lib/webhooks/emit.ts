// Events become messages in the transaction of the change that causes them: one pending try and one
// job per active endpoint subscribed to the event, so a rolled-back change sends nothing and a
// committed one is always delivered (or its failures recorded).
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { insertWebhookDeliveries, listSubscribedEndpoints } from "@/db/queries/webhooks";
import { WEBHOOK_TEST_EVENT, type WebhookDelivery, type WebhookEvent } from "@/db/schema/webhooks";
import type { Appointment, Client } from "@/lib/contract";
import { enqueue, jobId } from "@/lib/jobs/enqueue";

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

/** The job of one pending try (its id made from the try's, so it is enqueued once). */
export async function enqueueTry(executor: Executor, delivery: Pick<WebhookDelivery, "id" | "scheduledAt">) {
  await enqueue(
    executor,
    "webhook-deliver",
    { deliveryId: delivery.id },
    { id: jobId(`webhook:${delivery.id}`), startAfter: delivery.scheduledAt },
  );
}

/** Queues one message of `type` with `data` to each endpoint, in the caller's transaction. */
export async function queueMessages(
  executor: Executor,
  endpointIds: string[],
  type: string,
  data: unknown,
  now = new Date(),
): Promise<WebhookDelivery[]> {
  if (endpointIds.length === 0) return [];
  const body = JSON.stringify({ type, timestamp: now.toISOString(), data });
  const tries = await insertWebhookDeliveries(
    executor,
    endpointIds.map((endpointId) => ({
      endpointId,
      eventType: type,
      messageId: newMessageId(),
      body,
      attempt: 1,
      status: "pending" as const,
      scheduledAt: now,
    })),
  );
  for (const delivery of tries) await enqueueTry(executor, delivery);
  return tries;
}

/**
 * Tells every active endpoint subscribed to `type` about `data`, in the caller's transaction
 * (`tx`): call it beside the change's audit row. Costs one read when nobody subscribes.
 */
export async function emitWebhookEvent<T extends WebhookEvent>(
  tx: Executor,
  type: T,
  data: WebhookEventData[T],
): Promise<void> {
  const endpoints = await listSubscribedEndpoints(tx, type);
  if (endpoints.length > 0) {
    await queueMessages(
      tx,
      endpoints.map((e) => e.id),
      type,
      data,
    );
  }
}

/** The body of a test message: which endpoint it is for. */
export const testMessageData = (endpointId: string) => ({
  endpointId,
  message: "A test message from Slotwise: the endpoint and its secret work.",
});

export { WEBHOOK_TEST_EVENT };
