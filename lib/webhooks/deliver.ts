// A worker's job: make one try of a message and record it. Nothing is held open while the receiver
// is called; the outcome, and the next try with its job when this one failed and tries remain, are
// written in one transaction. A try already recorded (its job run twice) is not made again.
import { getDb } from "@/db/client";
import {
  findWebhookDelivery,
  findWebhookEndpoint,
  insertWebhookDeliveries,
  recordWebhookTry,
} from "@/db/queries/webhooks";
import { WEBHOOK_TEST_EVENT } from "@/db/schema/webhooks";
import { privateTargetsAllowed } from "./address";
import { enqueueTry } from "./emit";
import { delayAfterAttempt, maxAttempts, tryTimeoutMs } from "./schedule";
import { decryptWebhookSecret, UnreadableSecretError } from "./secret";
import { type SendResult, sendWebhookRequest } from "./send";
import { signWebhook } from "./sign";

export type TryOutcome =
  | { skipped: "gone" | "done" }
  | { attempt: number; status: "succeeded" | "failed"; statusCode: number | null; retryAt: string | null };

export async function deliverWebhookTry(deliveryId: string): Promise<TryOutcome> {
  const db = await getDb();
  const delivery = await findWebhookDelivery(db, deliveryId);
  if (!delivery) return { skipped: "gone" };
  if (delivery.status !== "pending") return { skipped: "done" };
  const endpoint = await findWebhookEndpoint(db, delivery.endpointId);
  if (!endpoint) return { skipped: "gone" };

  const attemptedAt = new Date();
  let result: SendResult;
  let retry = true;
  if (!endpoint.active && delivery.eventType !== WEBHOOK_TEST_EVENT) {
    result = { ok: false, statusCode: null, error: "Not sent: the endpoint is inactive.", durationMs: 0 };
    retry = false;
  } else {
    try {
      const secret = decryptWebhookSecret(endpoint.secretCiphertext);
      const headers = signWebhook(secret, delivery.messageId, delivery.body, attemptedAt);
      result = await sendWebhookRequest(endpoint.url, headers, delivery.body, {
        timeoutMs: tryTimeoutMs(),
        allowPrivate: privateTargetsAllowed(),
      });
    } catch (err) {
      if (!(err instanceof UnreadableSecretError)) throw err;
      result = { ok: false, statusCode: null, error: err.message, durationMs: 0 };
    }
  }

  const delay =
    result.ok || !retry || delivery.attempt >= maxAttempts() ? undefined : delayAfterAttempt(delivery.attempt);
  const nextAttemptAt = delay === undefined ? null : new Date(Date.now() + delay * 1000);
  const recorded = await db.transaction(async (tx) => {
    const row = await recordWebhookTry(tx, delivery.id, {
      status: result.ok ? "succeeded" : "failed",
      statusCode: result.statusCode,
      error: result.error,
      durationMs: result.durationMs,
      attemptedAt,
      nextAttemptAt,
    });
    if (!row) return undefined;
    if (nextAttemptAt) {
      const [next] = await insertWebhookDeliveries(tx, [
        {
          endpointId: delivery.endpointId,
          eventType: delivery.eventType,
          messageId: delivery.messageId,
          body: delivery.body,
          attempt: delivery.attempt + 1,
          status: "pending",
          scheduledAt: nextAttemptAt,
        },
      ]);
      if (next) await enqueueTry(tx, next);
    }
    return row;
  });
  if (!recorded) return { skipped: "done" };
  return {
    attempt: recorded.attempt,
    status: recorded.status === "succeeded" ? "succeeded" : "failed",
    statusCode: recorded.statusCode,
    retryAt: nextAttemptAt?.toISOString() ?? null,
  };
}
