import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns";

/**
 * The business's profile and booking policies (API.md v1 extensions "Business profile and policies"):
 * one row, id 1, made by the first PATCH /business. Until then the API answers the defaults.
 */
export const business = pgTable(
  "business",
  {
    id: integer("id").primaryKey().default(1),
    name: text("name").notNull(),
    logoUrl: text("logo_url"),
    phone: text("phone"),
    email: text("email"),
    website: text("website"),
    address: text("address"),
    defaultTimezone: text("default_timezone").notNull(),
    currency: text("currency").notNull(),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(0),
    cancelCutoffMinutes: integer("cancel_cutoff_minutes").notNull().default(0),
    rescheduleCutoffMinutes: integer("reschedule_cutoff_minutes").notNull().default(0),
    maxUpcomingPerClient: integer("max_upcoming_per_client"),
    // Copied onto each appointment when it is booked (appointments.client_overlap_allowed), where the
    // exclusion constraint of drizzle/0010 reads it.
    allowClientOverlap: boolean("allow_client_overlap").notNull().default(false),
    reminderOffsetsMinutes: integer("reminder_offsets_minutes").array().notNull().default(sql`'{1440,120}'`),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("business_one_row", sql`${t.id} = 1`),
    check("business_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export type Business = typeof business.$inferSelect;
