// An appointment's messages (GET /appointments/{id}/notifications, API.md v1 extensions
// "Notifications") and the outbox's (GET /outbox, manager).
import { z } from "zod";
import type { Notification as NotificationRow } from "@/db/schema/notifications";
import { NOTIFICATION_KINDS } from "@/db/schema/notifications";

const kind = z
  .enum(NOTIFICATION_KINDS)
  .describe(
    "confirmation, rescheduled, cancelled, reminder (to the client); worker_new, worker_moved, worker_cancelled " +
      "(to the worker's linked user); password_reset, email_verification.",
  );

export const notificationSchema = z
  .object({
    id: z.uuid(),
    channel: z.literal("email"),
    kind,
    to: z.string().describe("The recipient's address."),
    status: z
      .enum(["pending", "sent", "failed"])
      .describe(
        "pending: due later (a reminder), or being sent, or waiting for a retry; sent: accepted by the mail " +
          "server, or, with no SMTP_URL set, kept in the outbox (then `outbox` is true); failed: the last try failed.",
      ),
    attempts: z.number().int().describe("Tries so far."),
    sentAt: z.string().nullable().describe("RFC 3339 instant the mail server accepted it; null until then."),
    error: z.string().nullable().describe("The last try's error, while it is retried or once it failed."),
    scheduledFor: z.string().describe("RFC 3339 instant it is due: now for most, start − offset for a reminder."),
    outbox: z.boolean().describe("Kept in the outbox instead of sent (no SMTP_URL set). An extension of API.md."),
  })
  .meta({ id: "Notification" });
export type NotificationJson = z.infer<typeof notificationSchema>;

export const outboxMessageSchema = z
  .object({
    id: z.uuid(),
    appointmentId: z.uuid().nullable(),
    kind,
    to: z.string(),
    locale: z.enum(["en", "ru"]),
    subject: z.string(),
    text: z.string().describe("The plain-text body, exactly as it would be sent."),
    html: z.string().describe("The HTML body, exactly as it would be sent."),
    hasCalendar: z.boolean().describe("An .ics file would be attached."),
    createdAt: z.string(),
    scheduledFor: z.string(),
  })
  .meta({ id: "OutboxMessage" });
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

const API_STATUS = {
  pending: "pending",
  sending: "pending",
  sent: "sent",
  outbox: "sent",
  failed: "failed",
  dropped: "failed",
} as const;

export function toNotificationJson(row: NotificationRow): NotificationJson {
  return {
    id: row.id,
    channel: "email",
    kind: row.kind,
    to: row.toAddress,
    status: API_STATUS[row.status],
    attempts: row.attempts,
    sentAt: row.sentAt?.toISOString() ?? null,
    error: row.lastError,
    scheduledFor: row.sendAfter.toISOString(),
    outbox: row.status === "outbox",
  };
}

export function toOutboxMessageJson(row: NotificationRow): OutboxMessage {
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    kind: row.kind,
    to: row.toAddress,
    locale: row.locale === "ru" ? "ru" : "en",
    subject: row.subject,
    text: row.text,
    html: row.html,
    hasCalendar: row.ics !== null,
    createdAt: row.createdAt.toISOString(),
    scheduledFor: row.sendAfter.toISOString(),
  };
}
