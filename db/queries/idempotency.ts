// Idempotency-Key: the first successful answer to a request is stored with the change it made, in
// the same transaction, under (caller, key). The key row is inserted first: a second request with
// the same key waits on the unique index until the first commits (then replays its answer) or rolls
// back (then does the work itself), so two simultaneous requests never both book.
import { createHash } from "node:crypto";
import { subHours } from "date-fns";
import { and, eq, lt, sql } from "drizzle-orm";
import { idempotencyKeyReused } from "@/lib/errors";
import type { Executor } from "../client";
import { idempotencyKeys } from "../schema/system";
import { statement } from "../statements";

export type StoredResponse = { status: number; body: unknown };

/** A digest of what the request asks for, so the same key with another request is recognised. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(body)}`)
    .digest("hex");
}

/**
 * The answer stored under (ownerId, key), to replay; undefined when the key was never used (or its
 * first request has not committed). The same key with another request is 422 idempotency_key_reused.
 */
export async function storedResponse(
  db: Executor,
  claim: { ownerId: string; key: string; hash: string },
): Promise<(StoredResponse & { replayed: true }) | undefined> {
  const [prior] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.ownerId, claim.ownerId), eq(idempotencyKeys.key, claim.key)))
    .limit(1);
  if (!prior || prior.responseStatus === null) return undefined;
  if (prior.requestHash !== claim.hash) throw idempotencyKeyReused();
  return { status: prior.responseStatus, body: prior.responseBody, replayed: true };
}

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

/**
 * Runs `work` once per (ownerId, key) inside transaction `tx`: the first call's response is stored
 * and every later call with the same request gets it back (`replayed`). A failed call stores
 * nothing (its transaction rolls back), so retrying after an error tries again.
 */
export async function runOncePerKey(
  tx: Executor,
  claim: { ownerId: string; key: string; hash: string },
  work: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const claimed = await claimKey(tx, claim);
  if (claimed.length === 0) {
    const prior = await storedResponse(tx, claim);
    if (!prior) throw new Error("idempotency key claimed without a response");
    return prior;
  }
  const response = await work();
  await storeResponse(tx, { ownerId: claim.ownerId, key: claim.key, status: response.status, body: response.body });
  return { ...response, replayed: false };
}

/**
 * How long an answer stays remembered under its key. Retries come within seconds or minutes; a
 * week also covers a phone that was offline for days. Longer would only grow the table.
 */
export const IDEMPOTENCY_KEY_HOURS = 7 * 24;

/** Forgets keys older than IDEMPOTENCY_KEY_HOURS (run hourly with the app); answers how many went. */
export async function purgeIdempotencyKeys(db: Executor, now: Date): Promise<number> {
  const purged = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, subHours(now, IDEMPOTENCY_KEY_HOURS)))
    .returning({ key: idempotencyKeys.key });
  return purged.length;
}
