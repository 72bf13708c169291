// Standard Webhooks signing (the `standardwebhooks` package): the headers of one try of a message.
import { Webhook } from "standardwebhooks";

export type SignedHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/**
 * `webhook-signature` is `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under the secret; the id
 * stays the same across a message's retries, the timestamp is this try's (seconds since the epoch).
 */
export function signWebhook(secret: string, messageId: string, body: string, at: Date): SignedHeaders {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, at, body),
  };
}
