// What every catalog table (locations, specialties, services, workers) shares: finding a row by
// `{ref}`, paging, locking, and the appointments that stand on a row.
import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Db, type Executor, getDb, queryRows } from "../client";
import { type Appointment, appointments } from "../schema/appointments";
import { locations, type services, type specialties, type workers } from "../schema/catalog";
import { byRef } from "./refs";

export type CatalogTable = typeof locations | typeof specialties | typeof services | typeof workers;

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Which rows of a list: at most `limit`, after skipping `offset`. */
export type Page = { limit: number; offset: number };

/** The row `ref` (id or slug) names. */
export async function findByRef<T extends CatalogTable>(table: T, ref: string, db: Executor | null = null) {
  const [row] = await (db ?? (await getDb()))
    .select()
    .from(table as CatalogTable)
    .where(byRef(table, ref))
    .limit(1);
  return row as T["$inferSelect"] | undefined;
}

/** A page of a catalog table in a stable order: by name, ties broken by id. */
export async function listPage<T extends CatalogTable>(db: Executor, table: T, page: Page, where?: SQL) {
  const rows = await db
    .select()
    .from(table as CatalogTable)
    .where(where)
    .orderBy(asc(table.name), asc(table.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows as T["$inferSelect"][];
}

/**
 * The row `ref` names, locked until the transaction ends. Deleting takes "update", which also waits
 * for bookings being inserted against the row (their foreign-key check holds "key share" on it), so
 * no booking slips in between the checks and the delete; changing takes "no key update", which lets
 * bookings go on.
 */
export async function lockByRef<T extends CatalogTable>(
  tx: Executor,
  table: T,
  ref: string,
  strength: "update" | "no key update",
) {
  const [row] = await tx
    .select()
    .from(table as CatalogTable)
    .where(byRef(table, ref))
    .limit(1)
    .for(strength);
  return row as T["$inferSelect"] | undefined;
}

/** A booked appointment that has not ended, with its location's zone and how many such there are. */
export type BookedAhead = { appointment: Appointment; timezone: string; total: number };

/**
 * Booked appointments that have not ended yet and reference the record through `column`, by start,
 * at most `limit` of them; each row carries the total.
 */
export async function bookedAppointmentsAhead(
  db: Executor,
  column: PgColumn,
  id: string,
  limit: number,
): Promise<BookedAhead[]> {
  return db
    .select({
      appointment: appointments,
      timezone: locations.timezone,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(appointments)
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .where(and(eq(column, id), eq(appointments.status, "booked"), gt(appointments.endAt, sql`now()`)))
    .orderBy(asc(appointments.startAt), asc(appointments.id))
    .limit(limit);
}

/** True when any appointment, in any status and at any time, references the record. */
export async function hasAnyAppointment(db: Executor, column: PgColumn, id: string): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from ${appointments} where ${sql.identifier(column.name)} = ${id}) as found`,
  );
  return rows[0]?.found === true;
}
