import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, pgTable, smallint, text, time, uuid } from "drizzle-orm/pg-core";
import { LOCATION_KINDS, locations, workers } from "./catalog";
import { createdAt, during, id, instant, updatedAt } from "./columns";

/**
 * A weekly schedule is a recipe: wall-clock rules in the location's timezone that, once applied,
 * become concrete shifts from `validFrom` up to `validUntil` or the worker's booking horizon.
 */
export const weeklySchedules = pgTable("weekly_schedules", {
  id: id(),
  workerId: uuid("worker_id")
    .notNull()
    .unique()
    .references(() => workers.id, { onDelete: "cascade" }),
  locationId: uuid("location_id")
    .notNull()
    .references(() => locations.id, { onDelete: "restrict" }),
  validFrom: date("valid_from", { mode: "string" }).notNull(),
  validUntil: date("valid_until", { mode: "string" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const weeklyScheduleRules = pgTable(
  "weekly_schedule_rules",
  {
    id: id(),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => weeklySchedules.id, { onDelete: "cascade" }),
    // ISO weekday: Monday = 1 … Sunday = 7.
    weekday: smallint("weekday").notNull(),
    startTime: time("start_time").notNull(),
    endTime: time("end_time").notNull(),
  },
  (t) => [
    index("weekly_schedule_rules_schedule_idx").on(t.scheduleId),
    check("weekly_schedule_rules_weekday_check", sql`${t.weekday} between 1 and 7`),
    check("weekly_schedule_rules_order_check", sql`${t.endTime} > ${t.startTime}`),
  ],
);

/**
 * A concrete interval in which one worker works at one location. `location_kind` mirrors the
 * location's kind through a cascading foreign key so that the "one worker per workplace at a time"
 * exclusion constraint can be partial on it (a constraint cannot look into another table).
 */
export const shifts = pgTable(
  "shifts",
  {
    id: id(),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "cascade" }),
    locationId: uuid("location_id").notNull(),
    locationKind: text("location_kind", { enum: LOCATION_KINDS }).notNull().default("workplace"),
    startAt: instant("start_at").notNull(),
    endAt: instant("end_at").notNull(),
    during: during(),
    weeklyScheduleId: uuid("weekly_schedule_id").references(() => weeklySchedules.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "shifts_location_fk",
      columns: [t.locationId, t.locationKind],
      foreignColumns: [locations.id, locations.kind],
    })
      .onUpdate("cascade")
      .onDelete("restrict"),
    check("shifts_order_check", sql`${t.endAt} > ${t.startAt}`),
  ],
);

export const timeOff = pgTable(
  "time_off",
  {
    id: id(),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "cascade" }),
    startAt: instant("start_at").notNull(),
    endAt: instant("end_at").notNull(),
    during: during(),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [check("time_off_order_check", sql`${t.endAt} > ${t.startAt}`)],
);

export type WeeklySchedule = typeof weeklySchedules.$inferSelect;
export type WeeklyScheduleRule = typeof weeklyScheduleRules.$inferSelect;
export type Shift = typeof shifts.$inferSelect;
export type NewShift = typeof shifts.$inferInsert;
export type TimeOff = typeof timeOff.$inferSelect;
export type NewTimeOff = typeof timeOff.$inferInsert;
