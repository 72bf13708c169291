// The transaction every catalog write runs in.
import { getDb } from "@/db/client";
import type { Tx } from "@/db/queries/catalog-shared";
import { alreadyExists, constraintName, sqlState } from "@/lib/errors";

/**
 * Runs a catalog write in one transaction. A unique violation there can only be a slug (or a
 * worker's linked user account) that a concurrent writer took between our check and our write, so
 * it answers as the check would have.
 */
export async function catalogTransaction<T>(run: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await db.transaction(run);
  } catch (err) {
    if (sqlState(err) === "23505") {
      throw alreadyExists(constraintName(err) === "workers_user_id_unique" ? "userId" : "slug");
    }
    throw err;
  }
}
