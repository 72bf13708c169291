import { sql } from "drizzle-orm";
import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A half-open `[start, end)` range of instants. Drizzle has no tstzrange type; the column is always
 * generated from `start_at`/`end_at`, so the application never writes it and only the exclusion
 * constraints and range-overlap queries read it.
 */
export const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => "tstzrange",
});

export const during = () => tstzrange("during").notNull().generatedAlwaysAs(sql`tstzrange(start_at, end_at, '[)')`);

/**
 * The interval an appointment holds its worker and location for: its own `[start, end)` widened by
 * its service's buffers. Filled by the database (the trigger of drizzle/0017) on every insert and on
 * every change of the times, the service or `buffers_overridden`; the default is never kept.
 */
export const held = () => tstzrange("held").notNull().default(sql`'empty'::tstzrange`);

export const id = () => uuid("id").primaryKey().defaultRandom();

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const instant = (name: string) => timestamp(name, { withTimezone: true });

export { GENDERS, type Gender } from "./genders";
