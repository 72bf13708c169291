import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { users } from "./users";

export const LOCATION_KINDS = ["workplace", "room"] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const locations = pgTable(
  "locations",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: LOCATION_KINDS }).notNull().default("workplace"),
    address: text("address"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    timezone: text("timezone").notNull(),
    description: text("description"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Target of the (location_id, location_kind) foreign key on shifts, see schedules.ts.
    unique("locations_id_kind_key").on(t.id, t.kind),
    check("locations_kind_check", sql`${t.kind} in ('workplace', 'room')`),
    check("locations_latitude_check", sql`${t.latitude} between -90 and 90`),
    check("locations_longitude_check", sql`${t.longitude} between -180 and 180`),
  ],
);

export const specialties = pgTable("specialties", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const services = pgTable(
  "services",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description"),
    durationMinutes: integer("duration_minutes").notNull(),
    // Time the worker and the location are held before and after each appointment of the service
    // (preparation, cleaning): the appointment's own start and end stay the client's time, and its
    // held interval (appointments.held, filled by the database) is what slots and the exclusion
    // constraints count (drizzle/0017).
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    price: numeric("price", { precision: 12, scale: 2, mode: "number" }).notNull().default(0),
    currency: text("currency").notNull().default("RUB"),
    imageUrl: text("image_url"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("services_duration_check", sql`${t.durationMinutes} > 0`),
    check(
      "services_buffers_check",
      sql`${t.bufferBeforeMinutes} between 0 and 240 and ${t.bufferAfterMinutes} between 0 and 240`,
    ),
    check("services_price_check", sql`${t.price} >= 0`),
    check("services_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const workers = pgTable(
  "workers",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    bio: text("bio"),
    avatarUrl: text("avatar_url"),
    specialtyId: uuid("specialty_id").references(() => specialties.id, { onDelete: "set null" }),
    // Home location: where the worker usually works and where the weekly schedule puts shifts.
    locationId: uuid("location_id").references(() => locations.id, { onDelete: "set null" }),
    userId: uuid("user_id")
      .unique()
      .references(() => users.id, { onDelete: "set null" }),
    slotStepMinutes: integer("slot_step_minutes"),
    bookingHorizonDays: integer("booking_horizon_days").notNull().default(7),
    active: boolean("active").notNull().default(true),
    // Secret part of the worker's calendar-feed URL, rotated by a manager.
    calendarToken: text("calendar_token").notNull().default(sql`replace(gen_random_uuid()::text, '-', '')`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("workers_specialty_idx").on(t.specialtyId),
    index("workers_location_idx").on(t.locationId),
    check("workers_slot_step_check", sql`${t.slotStepMinutes} > 0`),
    check("workers_horizon_check", sql`${t.bookingHorizonDays} between 1 and 366`),
  ],
);

export const workerServices = pgTable(
  "worker_services",
  {
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.workerId, t.serviceId] }), index("worker_services_service_idx").on(t.serviceId)],
);

export type Location = typeof locations.$inferSelect;
export type NewLocation = typeof locations.$inferInsert;
export type Specialty = typeof specialties.$inferSelect;
export type NewSpecialty = typeof specialties.$inferInsert;
export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
export type Worker = typeof workers.$inferSelect;
export type NewWorker = typeof workers.$inferInsert;
export type WorkerService = typeof workerServices.$inferSelect;
