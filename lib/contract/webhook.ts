// API.md "Webhooks": an endpoint (its secret only in the answers that make one), and each try of a
// delivery to it.
import { z } from "zod";
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENTS,
  type WebhookDelivery as WebhookDeliveryRow,
  type WebhookEndpoint as WebhookEndpointRow,
} from "@/db/schema/webhooks";

/** The events an endpoint may subscribe to, in the order the API and the page list them. */
export const WEBHOOK_EVENT_TYPES = WEBHOOK_EVENTS;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

const utc = z.string().describe("RFC 3339 instant (UTC).");

export const webhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string().describe("Where the events are POSTed (http or https)."),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    description: z.string().nullable(),
    active: z.boolean().describe("An inactive endpoint is sent nothing (its pending retries are dropped)."),
    createdAt: utc,
    updatedAt: utc,
  })
  .meta({ id: "WebhookEndpoint" });
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointWithSecretSchema = webhookEndpointSchema
  .extend({
    secret: z
      .string()
      .describe(
        "The signing secret, `whsec_` and the base64 of 32 random bytes (Standard Webhooks). Shown only in this " +
          "answer: keep it now.",
      ),
  })
  .meta({ id: "WebhookEndpointWithSecret" });
export type WebhookEndpointWithSecret = z.infer<typeof webhookEndpointWithSecretSchema>;

export const webhookDeliverySchema = z
  .object({
    id: z.uuid(),
    type: z.string().describe("The event type, or `webhook.test`."),
    messageId: z.string().describe("The `webhook-id` header: the same for every try of one message."),
    attempt: z.number().int().describe("1 for the first try of the message, 2 for the first retry, …"),
    status: z
      .enum(WEBHOOK_DELIVERY_STATUSES)
      .describe("`pending` until tried; `succeeded` on a 2xx answer; `failed` otherwise."),
    statusCode: z.number().int().nullable().describe("The receiver's HTTP status; null when none came back."),
    error: z.string().nullable().describe("Why the try failed (timeout, refused address, redirect, status …)."),
    durationMs: z.number().int().nullable(),
    scheduledAt: utc.describe("When the try is (or was) due."),
    attemptedAt: utc.nullable(),
    nextAttemptAt: utc
      .nullable()
      .describe("On a failed try that will be retried: when. A failed try without it was the message's last."),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookTestSchema = z
  .object({
    messageId: z.string().describe("The `webhook-id` of the test message."),
    delivery: webhookDeliverySchema.describe("Its first try, pending."),
  })
  .meta({ id: "WebhookTest" });
export type WebhookTest = z.infer<typeof webhookTestSchema>;

const iso = (d: Date) => d.toISOString();

export function toWebhookEndpointJson(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEndpoint["events"],
    description: row.description,
    active: row.active,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function toWebhookDeliveryJson(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    type: row.eventType,
    messageId: row.messageId,
    attempt: row.attempt,
    status: row.status,
    statusCode: row.statusCode,
    error: row.error,
    durationMs: row.durationMs,
    scheduledAt: iso(row.scheduledAt),
    attemptedAt: row.attemptedAt && iso(row.attemptedAt),
    nextAttemptAt: row.nextAttemptAt && iso(row.nextAttemptAt),
  };
}
