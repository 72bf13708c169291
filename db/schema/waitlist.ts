import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appointments, clients } from "./appointments";
import { services, workers } from "./catalog";
import { createdAt, id, instant } from "./columns";
import { users } from "./users";

/**
 * waiting: joined, no fitting time has freed up yet; notified: emailed at least once about a freed
 * time (still waiting: a later free-up emails again); booked: the client booked a fitting
 * appointment; removed: the client (or staff) took the entry off the list.
 */
export const WAITLIST_STATUSES = ["waiting", "notified", "booked", "removed"] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

/**
 * A client waiting for time with a worker (or any worker performing the service) on one local day,
 * optionally within a window of that day. `date`, `from_time` and `to_time` are what the client
 * asked for, read in `time_zone` (the worker's; the business's for any worker); `window_start` and
 * `window_end` are the same window as instants, which is what a freed interval is matched against.
 * One active (waiting or notified) entry per client, service, worker-or-any and day.
 */
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: id(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    workerId: uuid("worker_id").references(() => workers.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    /** "HH:MM", local; null: from the start of the day. */
    fromTime: text("from_time"),
    /** "HH:MM", local; null: to the end of the day. */
    toTime: text("to_time"),
    timeZone: text("time_zone").notNull(),
    windowStart: instant("window_start").notNull(),
    windowEnd: instant("window_end").notNull(),
    status: text("status", { enum: WAITLIST_STATUSES }).notNull().default("waiting"),
    /** The language the client joined in, for the messages when their account has none. */
    locale: text("locale"),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    notifiedAt: instant("notified_at"),
    bookedAt: instant("booked_at"),
    bookedAppointmentId: uuid("booked_appointment_id").references(() => appointments.id, { onDelete: "set null" }),
    removedAt: instant("removed_at"),
  },
  (t) => [
    uniqueIndex("waitlist_entries_active_unique")
      .on(t.clientId, t.serviceId, sql`coalesce(${t.workerId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.date)
      .where(sql`${t.status} in ('waiting', 'notified')`),
    index("waitlist_entries_window_idx")
      .on(t.windowStart, t.windowEnd)
      .where(sql`${t.status} in ('waiting', 'notified')`),
    index("waitlist_entries_date_idx").on(t.date, t.createdAt),
    index("waitlist_entries_client_idx").on(t.clientId, t.createdAt),
    check("waitlist_entries_status_check", sql`${t.status} in ('waiting', 'notified', 'booked', 'removed')`),
    check("waitlist_entries_window_check", sql`${t.windowEnd} > ${t.windowStart}`),
    check("waitlist_entries_locale_check", sql`${t.locale} in ('en', 'ru')`),
  ],
);

/**
 * Leave-link tokens of entries whose client has no account (a guest's, API.md "Waitlist"): only the
 * SHA-256 of the token (hex) is kept; the token itself exists only in the links emailed to the
 * client (the confirmation, and each free-up message mints one of its own). Good for that one entry
 * while it is active; deleted with it.
 */
export const waitlistLeaveTokens = pgTable(
  "waitlist_leave_tokens",
  {
    id: id(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => waitlistEntries.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index("waitlist_leave_tokens_entry_idx").on(t.entryId)],
);

export type WaitlistEntry = typeof waitlistEntries.$inferSelect;
export type NewWaitlistEntry = typeof waitlistEntries.$inferInsert;
