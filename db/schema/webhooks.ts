import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant, updatedAt } from "./columns";

/** The events an endpoint may subscribe to (API.md "Webhooks"). */
export const WEBHOOK_EVENTS = [
  "appointment.created",
  "appointment.rescheduled",
  "appointment.cancelled",
  "appointment.status_changed",
  "client.created",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What a manager's "send test" delivers; not an event one subscribes to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

/** Where partner systems want to hear about bookings. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    url: text("url").notNull(),
    events: text("events").array().notNull(),
    description: text("description"),
    active: boolean("active").notNull().default(true),
    /**
     * The signing secret (`whsec_…`), encrypted with a key derived from AUTH_SECRET (AES-256-GCM,
     * lib/webhooks/secret.ts): signing needs the secret itself, so it cannot be hashed.
     */
    secretCiphertext: text("secret_ciphertext").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("webhook_endpoints_url_check", sql`${t.url} ~ '^https?://'`),
    check("webhook_endpoints_events_check", sql`cardinality(${t.events}) >= 1`),
  ],
);

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One row per try of a message to an endpoint: `pending` until it is made, then `succeeded` (a 2xx
 * answer) or `failed`; a failed try with `next_attempt_at` has a pending try after it, one without is
 * the message's last. The `message_id` (the webhook-id header) and the `body` are the same for every
 * try of a message; only the signature's timestamp changes.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    messageId: text("message_id").notNull(),
    /** The JSON body exactly as signed and sent. */
    body: text("body").notNull(),
    attempt: integer("attempt").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms"),
    /** When this try is (or was) due. */
    scheduledAt: instant("scheduled_at").notNull().defaultNow(),
    attemptedAt: instant("attempted_at"),
    /** Set on a failed try that is retried: when the next try is due. */
    nextAttemptAt: instant("next_attempt_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_message_attempt_idx").on(t.messageId, t.attempt),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    check("webhook_deliveries_status_check", sql`${t.status} in ('pending', 'succeeded', 'failed')`),
    check("webhook_deliveries_attempt_check", sql`${t.attempt} >= 1`),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type NewWebhookEndpoint = typeof webhookEndpoints.$inferInsert;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type NewWebhookDelivery = typeof webhookDeliveries.$inferInsert;
