import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./appointments";
import { createdAt, id, instant } from "./columns";
import { users } from "./users";
import { waitlistEntries } from "./waitlist";

export const NOTIFICATION_KINDS = [
  "confirmation",
  "rescheduled",
  "cancelled",
  "reminder",
  "worker_new",
  "worker_moved",
  "worker_cancelled",
  "password_reset",
  "email_verification",
  "waitlist_slot_free",
  "waitlist_joined",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * pending: waiting for its time or its job; sending: claimed by a job (until it is sent, or its
 * claim lapses after a crash); sent: accepted by the SMTP server; outbox: kept, with no SMTP_URL
 * set; failed: the last try failed; dropped: a reminder whose appointment moved or ended first.
 */
export const NOTIFICATION_STATUSES = ["pending", "sending", "sent", "outbox", "failed", "dropped"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One message, rendered when it is planned (in the recipient's language), so that what the outbox
 * shows is exactly what would go out. `dedupe_key` is unique: planning the same change twice never
 * makes a second message. Deleted with its appointment; when the appointment's client is erased, a
 * trigger (drizzle/0011) deletes the messages of their appointments, which carry their name and
 * address.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "cascade" }),
    /** A waitlist message's entry (deleted with it). */
    waitlistEntryId: uuid("waitlist_entry_id").references(() => waitlistEntries.id, { onDelete: "cascade" }),
    /** The recipient's account, when the recipient has one. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    channel: text("channel", { enum: ["email"] })
      .notNull()
      .default("email"),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    toAddress: text("to_address").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** The calendar file attached (a confirmation's), RFC 5545. */
    ics: text("ics"),
    /**
     * The manage-link token of a client's message, sealed (AES-256-GCM, lib/booking/manage-token.ts):
     * `text` and `html` hold a placeholder, filled in only as the message is sent; cleared once sent.
     */
    manageTokenSealed: text("manage_token_sealed"),
    /** The Message-ID the message goes out with, fixed when planned, so a resend carries the same one. */
    messageId: text("message_id").notNull(),
    status: text("status", { enum: NOTIFICATION_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Not before this instant (a reminder's moment). */
    sendAfter: instant("send_after").notNull(),
    /** A reminder's offset in minutes before the start. */
    offsetMinutes: integer("offset_minutes"),
    /** The appointment's start when planned: a reminder goes out only while the start is still this. */
    plannedStart: instant("planned_start"),
    claimedAt: instant("claimed_at"),
    sentAt: instant("sent_at"),
    createdAt: createdAt(),
    dedupeKey: text("dedupe_key").notNull().unique(),
  },
  (t) => [
    index("notifications_appointment_idx").on(t.appointmentId, t.createdAt),
    index("notifications_created_idx").on(t.createdAt),
    check("notifications_channel_check", sql`${t.channel} in ('email')`),
    check(
      "notifications_kind_check",
      sql`${t.kind} in ('confirmation', 'rescheduled', 'cancelled', 'reminder', 'worker_new', 'worker_moved', 'worker_cancelled', 'password_reset', 'email_verification', 'waitlist_slot_free', 'waitlist_joined')`,
    ),
    check(
      "notifications_status_check",
      sql`${t.status} in ('pending', 'sending', 'sent', 'outbox', 'failed', 'dropped')`,
    ),
    check("notifications_locale_check", sql`${t.locale} in ('en', 'ru')`),
    check("notifications_attempts_check", sql`${t.attempts} >= 0`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
