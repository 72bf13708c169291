import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./users";

/** Responses remembered per caller and `Idempotency-Key`, so a retried request is answered, not redone. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: createdAt(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId, t.at),
    index("audit_log_at_idx").on(sql`${t.at} desc`),
  ],
);

export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;

/**
 * One row counting writes to the catalog tables (locations, specialties, services, workers and
 * their services). Triggers bump it in the writing transaction (drizzle/0005_catalog_version_triggers.sql),
 * so every app instance can tell with one cheap read whether its cached catalog answers are stale.
 */
export const catalogVersion = pgTable("catalog_version", {
  id: integer("id").primaryKey().default(1),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});

/**
 * A counter per worker and per location (`key` is the worker's or the location's id), bumped in the
 * writing transaction by triggers on shifts, time off and appointments
 * (drizzle/0008_schedule_version_triggers.sql). A remembered slot list is still current while the
 * counters of its worker and of its shifts' locations, and catalog_version, are what they were when
 * it was computed (lib/availability/slot-lists.ts). Rows are never deleted; a missing row reads as 0.
 */
export const scheduleVersions = pgTable("schedule_versions", {
  key: uuid("key").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
