// Catalog writes: one transaction each, a unique slug, and an audit row committed with the change.
import { and, eq, ne, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { alreadyExists, sqlState } from "@/lib/errors";
import { firstFreeSlug, SLUG_MAX, slugFromName } from "@/lib/slug";
import { type Executor, getDb } from "../client";
import type { services, workers } from "../schema/catalog";
import { recordAudit } from "./audit";
import { type CatalogTable, hasAnyAppointment, refuseIfBookedAhead, type Tx } from "./catalog-shared";
import { isUuid } from "./refs";

/**
 * Runs a catalog write in one transaction. A unique violation there can only be a slug that a
 * concurrent writer took between our check and our write, so it answers as the check would have.
 */
export async function catalogTransaction<T>(run: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await db.transaction(run);
  } catch (err) {
    if (sqlState(err) === "23505") throw alreadyExists("slug");
    throw err;
  }
}

/**
 * The slug a record gets: the one given, refused with 409 when another record has it, or else the
 * first free one made from the name ("anna-smirnova", "anna-smirnova-2", …). A slug shaped like a
 * UUID is never generated, since `{ref}` would read it as an id.
 */
export async function claimSlug(
  db: Executor,
  table: CatalogTable,
  given: string | undefined,
  name: string,
  exceptId?: string,
): Promise<string> {
  const others = (condition: SQL) => (exceptId ? (and(condition, ne(table.id, exceptId)) as SQL) : condition);
  if (given !== undefined) {
    const [taken] = await db
      .select({ id: table.id })
      .from(table as CatalogTable)
      .where(others(eq(table.slug, given)))
      .limit(1);
    if (taken) throw alreadyExists("slug");
    return given;
  }
  let base = slugFromName(name);
  if (isUuid(base)) base = `${base}-x`;
  const taken = [eq(table.slug, base), sql`${table.slug} like ${`${base}-%`}`];
  // firstFreeSlug shortens a long base to make room for its "-2", so look for those prefixes too.
  if (base.length > SLUG_MAX - 8) taken.push(sql`${table.slug} like ${`${base.slice(0, SLUG_MAX - 8)}%`}`);
  const rows = await db
    .select({ slug: table.slug })
    .from(table as CatalogTable)
    .where(others(or(...taken) as SQL));
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

/**
 * How a write is audited: who did it, what kind of record, its public shape before and after, and
 * the action when it is not the plain "<entity>.create|update|delete".
 */
export type AuditSpec<Row> = { actorId: string; entity: string; toJson: (row: Row) => unknown; action?: string };

type Values<T extends CatalogTable> = Partial<T["$inferInsert"]>;

/**
 * Inserts a record with a slug of its own (given or made from the name), audited as "<entity>.create"
 * after `afterInsert` wrote what hangs off it (a worker's services).
 */
export async function insertCatalogRow<T extends CatalogTable>(
  tx: Tx,
  table: T,
  values: Values<T> & { name: string; slug?: string },
  audit: AuditSpec<T["$inferSelect"]>,
  afterInsert?: (row: T["$inferSelect"]) => Promise<unknown>,
): Promise<T["$inferSelect"]> {
  const slug = await claimSlug(tx, table, values.slug, values.name);
  const [row] = await tx
    .insert(table as CatalogTable)
    .values({ ...values, slug } as never)
    .returning();
  if (!row) throw new Error("catalog insert returned no row");
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
export async function updateCatalogRow<T extends CatalogTable>(
  tx: Tx,
  table: T,
  before: T["$inferSelect"],
  changes: Values<T>,
  audit: AuditSpec<T["$inferSelect"]>,
  beforeJson: unknown = audit.toJson(before),
): Promise<T["$inferSelect"]> {
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (typeof set.slug === "string") set.slug = await claimSlug(tx, table, set.slug, "", before.id);
  let row = before;
  if (Object.keys(set).length > 0) {
    const [updated] = await tx
      .update(table as CatalogTable)
      .set(set as never)
      .where(eq(table.id, before.id))
      .returning();
    if (!updated) throw new Error("catalog update returned no row");
    row = updated as T["$inferSelect"];
  }
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
export async function deleteCatalogRow<T extends CatalogTable>(
  tx: Tx,
  table: T,
  before: T["$inferSelect"],
  audit: AuditSpec<T["$inferSelect"]>,
): Promise<void> {
  const beforeJson = await audit.toJson(before);
  await tx.delete(table as CatalogTable).where(eq(table.id, before.id));
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
    await deleteCatalogRow(tx, table, before, audit);
    return "deleted";
  }
  await onRetire?.();
  const changes = { active: false } as Values<T>;
  await updateCatalogRow(tx, table, before, changes, { ...audit, action: `${audit.entity}.deactivate` });
  return "deactivated";
}
