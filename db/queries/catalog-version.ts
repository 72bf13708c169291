// The catalog's version: a counter that triggers bump in every transaction that writes a catalog
// table (drizzle/0005_catalog_version_triggers.sql).
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { catalogVersion } from "../schema/system";
import { statement } from "../statements";

// Read before every cached catalog answer (lib/api/catalog-cache.ts): built once, kept prepared.
const selectCatalogVersion = statement("read_catalog_version", (db) =>
  db.select({ version: catalogVersion.version }).from(catalogVersion).where(eq(catalogVersion.id, 1)),
);

/** The catalog's current version; 0 before the first catalog write. */
export async function readCatalogVersion(db: Executor): Promise<number> {
  const [row] = await selectCatalogVersion(db);
  return row?.version ?? 0;
}
