// Catalog writes with their audit row, committed in the caller's transaction: a record's slug is
// its own (given or made from the name), and each change is recorded with the record's public shape
// before and after.
import type { PgColumn } from "drizzle-orm/pg-core";
import { recordAudit } from "@/db/queries/audit";
import { type CatalogTable, hasAnyAppointment, type Tx } from "@/db/queries/catalog-shared";
import { type CatalogValues, deleteCatalogRow, insertCatalogRow, updateCatalogRow } from "@/db/queries/catalog-write";
import type { services, workers } from "@/db/schema/catalog";
import { refuseIfBookedAhead } from "./booked-ahead";
import { claimSlug } from "./claim-slug";

/**
 * How a write is audited: who did it, what kind of record, its public shape before and after, and
 * the action when it is not the plain "<entity>.create|update|delete".
 */
export type AuditSpec<Row> = { actorId: string; entity: string; toJson: (row: Row) => unknown; action?: string };

/**
 * Inserts a record with a slug of its own (given or made from the name), audited as "<entity>.create"
 * after `afterInsert` wrote what hangs off it (a worker's services).
 */
export async function insertAudited<T extends CatalogTable>(
  tx: Tx,
  table: T,
  values: CatalogValues<T> & { name: string; slug?: string },
  audit: AuditSpec<T["$inferSelect"]>,
  afterInsert?: (row: T["$inferSelect"]) => Promise<unknown>,
): Promise<T["$inferSelect"]> {
  const slug = await claimSlug(tx, table, values.slug, values.name);
  const row = await insertCatalogRow(tx, table, { ...values, slug });
  await afterInsert?.(row);
  await recordAudit(tx, {
    actorId: audit.actorId,
    action: `${audit.entity}.create`,
    entity: audit.entity,
    entityId: row.id,
    after: await audit.toJson(row),
  });
  return row;
}

/**
 * Changes the given fields of a locked record, audited as "<entity>.update" with both shapes. The
 * slug changes only when given: a rename keeps the record's address. A caller that changes other
 * tables too (a worker's services) passes `beforeJson` taken before it did.
 */
export async function updateAudited<T extends CatalogTable>(
  tx: Tx,
  table: T,
  before: T["$inferSelect"],
  changes: CatalogValues<T>,
  audit: AuditSpec<T["$inferSelect"]>,
  beforeJson: unknown = audit.toJson(before),
): Promise<T["$inferSelect"]> {
  const set: Record<string, unknown> = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  );
  if (typeof set.slug === "string") set.slug = await claimSlug(tx, table, set.slug, "", before.id);
  const row =
    Object.keys(set).length > 0 ? await updateCatalogRow(tx, table, before.id, set as CatalogValues<T>) : before;
  await recordAudit(tx, {
    actorId: audit.actorId,
    action: audit.action ?? `${audit.entity}.update`,
    entity: audit.entity,
    entityId: row.id,
    before: await beforeJson,
    after: await audit.toJson(row),
  });
  return row;
}

/** Deletes a locked record, audited as "<entity>.delete". */
export async function deleteAudited<T extends CatalogTable>(
  tx: Tx,
  table: T,
  before: T["$inferSelect"],
  audit: AuditSpec<T["$inferSelect"]>,
): Promise<void> {
  const beforeJson = await audit.toJson(before);
  await deleteCatalogRow(tx, table, before.id);
  await recordAudit(tx, {
    actorId: audit.actorId,
    action: `${audit.entity}.delete`,
    entity: audit.entity,
    entityId: before.id,
    before: beforeJson,
  });
}

/**
 * Removes a service or worker without pulling it from under a booking: 409 while booked
 * appointments lie ahead; deactivated (kept for the history of its past appointments) when it has
 * any; deleted otherwise. `onRetire` tidies up what a deactivated record should not keep.
 */
export async function deleteOrRetire<T extends typeof services | typeof workers>(
  tx: Tx,
  table: T,
  before: T["$inferSelect"],
  appointmentColumn: PgColumn,
  audit: AuditSpec<T["$inferSelect"]>,
  onRetire?: () => Promise<unknown>,
): Promise<"deleted" | "deactivated"> {
  await refuseIfBookedAhead(tx, appointmentColumn, before.id, audit.entity);
  if (!(await hasAnyAppointment(tx, appointmentColumn, before.id))) {
    await deleteAudited(tx, table, before, audit);
    return "deleted";
  }
  await onRetire?.();
  const changes = { active: false } as CatalogValues<T>;
  await updateAudited(tx, table, before, changes, { ...audit, action: `${audit.entity}.deactivate` });
  return "deactivated";
}
