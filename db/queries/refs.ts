import { eq, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/**
 * Matches a catalog row by `{ref}`: its id or its slug (API.md "Conventions"). A ref that is not a
 * UUID never reaches the uuid column, where PostgreSQL would reject it as malformed.
 */
export function byRef(table: { id: PgColumn; slug: PgColumn }, ref: string): SQL {
  return (isUuid(ref) ? or(eq(table.id, ref.toLowerCase()), eq(table.slug, ref)) : eq(table.slug, ref)) as SQL;
}

/**
 * `byRef` for a statement built once (db/statements.ts `statement`): the ref is the placeholder
 * `name`, its lowercase form `${name}Id`; `uuid` says which shape (isUuid of the ref) to build.
 */
export function byRefPlaceholder(table: { id: PgColumn; slug: PgColumn }, uuid: boolean, name: string): SQL {
  const slug = eq(table.slug, sql.placeholder(name));
  return (uuid ? or(eq(table.id, sql.placeholder(`${name}Id`)), slug) : slug) as SQL;
}

/** The values of `byRefPlaceholder(…, name)` for `ref`. */
export const refValues = (name: string, ref: string) => ({ [name]: ref, [`${name}Id`]: ref.toLowerCase() });
