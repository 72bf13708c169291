import { sql } from "drizzle-orm";
import { boolean, check, date, index, numeric, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { locations, services, workers } from "./catalog";
import { createdAt, during, GENDERS, held, id, instant, updatedAt } from "./columns";
import { users } from "./users";

export const clients = pgTable(
  "clients",
  {
    id: id(),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    gender: text("gender", { enum: GENDERS }),
    birthDate: date("birth_date", { mode: "string" }),
    notes: text("notes"),
    // Set when the client registered themselves; one client record per user.
    userId: uuid("user_id")
      .unique()
      .references(() => users.id, { onDelete: "set null" }),
    // Set when the record was deleted but appointments still reference it: the personal data is
    // erased and the row stays, so the appointment history keeps its client (API reads skip it).
    erasedAt: instant("erased_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("clients_email_lower_idx").on(sql`lower(${t.email})`),
    index("clients_phone_idx").on(t.phone),
    check("clients_gender_check", sql`${t.gender} in ('female', 'male', 'other')`),
  ],
);

export const APPOINTMENT_STATUSES = ["booked", "cancelled", "completed", "no_show"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * A booked interval of a worker (or of a room, with no worker). The exclusion constraints in the
 * hand-written migrations make two booked appointments of one worker, or at one location, whose held
 * intervals (with the service's buffers) overlap impossible.
 * Rows are never deleted through the API: cancelling keeps the record and frees the interval.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    workerId: uuid("worker_id").references(() => workers.id, { onDelete: "restrict" }),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "restrict" }),
    serviceId: uuid("service_id").references(() => services.id, { onDelete: "restrict" }),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    startAt: instant("start_at").notNull(),
    endAt: instant("end_at").notNull(),
    during: during(),
    // The worker's and the location's held time: `during` widened by the service's buffers (none
    // when staff booked into a buffer on purpose, `buffersOverridden`). The worker and location
    // exclusion constraints and the slot lists read this, not `during` (drizzle/0017).
    held: held(),
    buffersOverridden: boolean("buffers_overridden").notNull().default(false),
    status: text("status", { enum: APPOINTMENT_STATUSES }).notNull().default("booked"),
    // Copied from the service when booked, so later price changes do not rewrite history.
    price: numeric("price", { precision: 12, scale: 2, mode: "number" }).notNull().default(0),
    currency: text("currency").notNull().default("RUB"),
    notes: text("notes"),
    // The business's allowClientOverlap when the appointment was booked or last moved: the client's
    // no-overlap exclusion constraint (drizzle/0010) skips rows that carry it.
    clientOverlapAllowed: boolean("client_overlap_allowed").notNull().default(false),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    cancelledAt: instant("cancelled_at"),
    cancelledBy: uuid("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("appointments_worker_start_idx").on(t.workerId, t.startAt),
    index("appointments_location_start_idx").on(t.locationId, t.startAt),
    index("appointments_client_start_idx").on(t.clientId, t.startAt),
    index("appointments_start_idx").on(t.startAt),
    check("appointments_order_check", sql`${t.endAt} > ${t.startAt}`),
    check("appointments_price_check", sql`${t.price} >= 0`),
    check("appointments_status_check", sql`${t.status} in ('booked', 'cancelled', 'completed', 'no_show')`),
    check("appointments_cancelled_check", sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
  ],
);

export type Client = typeof clients.$inferSelect;
export type NewClient = typeof clients.$inferInsert;
export type Appointment = typeof appointments.$inferSelect;
export type NewAppointment = typeof appointments.$inferInsert;
