// Idempotency-Key (POST /appointments): the first successful answer to a request is stored with the
// change it made, in the same transaction, under (caller, key). The key row is claimed first: a
// second request with the same key waits on the unique index until the first commits (then replays
// its answer) or rolls back (then does the work itself), so two simultaneous requests never both
// book. What is replayed and what is refused is decided here; db/queries/idempotency.ts claims,
// reads and stores the rows.
import { createHash } from "node:crypto";
import type { Executor } from "@/db/client";
import {
  claimIdempotencyKey,
  deleteIdempotencyKeysBefore,
  findIdempotencyKey,
  type IdempotencyKeyRow,
  storeIdempotentResponse,
} from "@/db/queries/idempotency";
import { idempotencyKeyReused } from "@/lib/errors";

export type StoredResponse = { status: number; body: unknown };

/** Who asked, with which key, for what (requestHash). */
export type KeyClaim = { ownerId: string; key: string; hash: string };

/** A digest of what the request asks for, so the same key with another request is recognised. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(body)}`)
    .digest("hex");
}

/**
 * What a key's row means for a request carrying `hash`: nothing to replay when there is no row (or
 * its first request has not committed); the stored answer when the request is the same; 422
 * idempotency_key_reused when it is another.
 */
export function replayOf(
  row: IdempotencyKeyRow | undefined,
  hash: string,
): (StoredResponse & { replayed: true }) | undefined {
  if (!row || row.responseStatus === null) return undefined;
  if (row.requestHash !== hash) throw idempotencyKeyReused();
  return { status: row.responseStatus, body: row.responseBody, replayed: true };
}

/** The answer stored under the claim's (ownerId, key), to replay; see replayOf. */
export async function storedResponse(db: Executor, claim: KeyClaim) {
  return replayOf(await findIdempotencyKey(db, claim.ownerId, claim.key), claim.hash);
}

/**
 * Runs `work` once per (ownerId, key) inside transaction `tx`: the first call's response is stored
 * and every later call with the same request gets it back (`replayed`). A failed call stores
 * nothing (its transaction rolls back), so retrying after an error tries again.
 */
export async function runOncePerKey(
  tx: Executor,
  claim: KeyClaim,
  work: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (!(await claimIdempotencyKey(tx, claim))) {
    const prior = await storedResponse(tx, claim);
    if (!prior) throw new Error("idempotency key claimed without a response");
    return prior;
  }
  const response = await work();
  await storeIdempotentResponse(tx, { ownerId: claim.ownerId, key: claim.key, ...response });
  return { ...response, replayed: false };
}

/**
 * How long an answer stays remembered under its key. Retries come within seconds or minutes; a
 * week also covers a phone that was offline for days. Longer would only grow the table.
 */
export const IDEMPOTENCY_KEY_HOURS = 7 * 24;
const HOUR = 3_600_000;

/** Forgets keys older than IDEMPOTENCY_KEY_HOURS (run hourly with the app); answers how many went. */
export function purgeIdempotencyKeys(db: Executor, now: Date): Promise<number> {
  return deleteIdempotencyKeysBefore(db, new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * HOUR));
}
