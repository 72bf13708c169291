// The row writes every catalog table shares, and the slug lookups a new or renamed record needs.
// The transaction, the audit row and the choice of slug are the use case's (lib/catalog/).
import { and, eq, ne, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import type { CatalogTable } from "./catalog-shared";

export type CatalogValues<T extends CatalogTable> = Partial<T["$inferInsert"]>;

/** `condition`, leaving out the record `exceptId` when given (the one being renamed). */
const others = (table: CatalogTable, condition: SQL, exceptId?: string) =>
  exceptId ? (and(condition, ne(table.id, exceptId)) as SQL) : condition;

/** True when a record other than `exceptId` has the slug. */
export async function slugTaken(db: Executor, table: CatalogTable, slug: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: table.id })
    .from(table as CatalogTable)
    .where(others(table, eq(table.slug, slug), exceptId))
    .limit(1);
  return taken !== undefined;
}

/**
 * The slugs of records other than `exceptId` that are `base` or `base-…`, or that start with
 * `prefix` when given.
 */
export async function slugsLike(
  db: Executor,
  table: CatalogTable,
  base: string,
  prefix: string | undefined,
  exceptId?: string,
): Promise<string[]> {
  const taken = [eq(table.slug, base), sql`${table.slug} like ${`${base}-%`}`];
  if (prefix !== undefined) taken.push(sql`${table.slug} like ${`${prefix}%`}`);
  const rows = await db
    .select({ slug: table.slug })
    .from(table as CatalogTable)
    .where(others(table, or(...taken) as SQL, exceptId));
  return rows.map((r) => r.slug);
}

/** Inserts a record and returns it. */
export async function insertCatalogRow<T extends CatalogTable>(
  db: Executor,
  table: T,
  values: CatalogValues<T>,
): Promise<T["$inferSelect"]> {
  const [row] = await db
    .insert(table as CatalogTable)
    .values(values as never)
    .returning();
  if (!row) throw new Error("catalog insert returned no row");
  return row as T["$inferSelect"];
}

/** Sets the given columns of the record `id` and returns it. */
export async function updateCatalogRow<T extends CatalogTable>(
  db: Executor,
  table: T,
  id: string,
  set: CatalogValues<T>,
): Promise<T["$inferSelect"]> {
  const [row] = await db
    .update(table as CatalogTable)
    .set(set as never)
    .where(eq(table.id, id))
    .returning();
  if (!row) throw new Error("catalog update returned no row");
  return row as T["$inferSelect"];
}

/** Deletes the record `id`. */
export async function deleteCatalogRow(db: Executor, table: CatalogTable, id: string): Promise<void> {
  await db.delete(table as CatalogTable).where(eq(table.id, id));
}
