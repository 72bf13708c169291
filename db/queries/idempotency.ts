// The rows of Idempotency-Keys (lib/booking/idempotency.ts decides what a key's row means for a
// request): the claim, inserted first in the booking's transaction so that a second request with the
// same key waits on the unique index until the first commits or rolls back; the stored answer; and
// forgetting old keys.
import { and, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { idempotencyKeys } from "../schema/system";
import { statement } from "../statements";

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

// Built once and run in each transaction (db/statements.ts): every booking from the web page carries a key.
const claimKey = statement("idempotency_claim", (db) =>
  db
    .insert(idempotencyKeys)
    .values({
      ownerId: sql.placeholder("ownerId"),
      key: sql.placeholder("key"),
      requestHash: sql.placeholder("hash"),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key }),
);

/**
 * Inserts the key's row (owner, key, the request's hash, no answer yet); false when the row exists
 * already, once the transaction that wrote it has ended.
 */
export async function claimIdempotencyKey(
  tx: Executor,
  claim: { ownerId: string; key: string; hash: string },
): Promise<boolean> {
  const claimed = await claimKey(tx, claim);
  return claimed.length > 0;
}

/** The row of (ownerId, key), if there is one. */
export async function findIdempotencyKey(
  db: Executor,
  ownerId: string,
  key: string,
): Promise<IdempotencyKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.ownerId, ownerId), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row;
}

const storeResponse = statement("idempotency_store", (db) =>
  db
    .update(idempotencyKeys)
    // drizzle's types do not list placeholders in set(), but it fills them through the columns'
    // encoders as in values().
    .set({
      responseStatus: sql.placeholder("status") as unknown as number,
      responseBody: sql.placeholder("body") as unknown as object,
    })
    .where(
      and(eq(idempotencyKeys.ownerId, sql.placeholder("ownerId")), eq(idempotencyKeys.key, sql.placeholder("key"))),
    ),
);

/** Stores the answer on the claimed row of (ownerId, key), in the claiming transaction. */
export async function storeIdempotentResponse(
  tx: Executor,
  answer: { ownerId: string; key: string; status: number; body: unknown },
): Promise<void> {
  await storeResponse(tx, answer);
}

/** Deletes the keys created before `cutoff`; answers how many went. */
export async function deleteIdempotencyKeysBefore(db: Executor, cutoff: Date): Promise<number> {
  const purged = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff))
    .returning({ key: idempotencyKeys.key });
  return purged.length;
}
