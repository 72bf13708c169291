// The business's booking policy as the use cases read it. A booking or change reads it inside its
// own transaction, in the same pipelined round trip as its other reads (readPolicy), so it is never
// older than the last committed PATCH /business. What only shapes an offer (the slot lists a client
// sees) uses a copy kept per instance (offeredPolicy): dropped at once by this instance's PATCH, and
// read again after a few seconds, so another instance's PATCH shows within that time; the booking
// itself still refuses what the stored policy refuses.
import { type Executor, getDb } from "@/db/client";
import { readBusiness } from "@/db/queries/business";
import { forgetAllAnswers } from "@/lib/api/kept-answers";
import { type Business, toBusinessJson } from "@/lib/contract/business";

export type Policy = Business["policy"];

/** How long an instance keeps the policy it offers slots by. */
const OFFER_TTL_MS = 5_000;

type Kept = { policy: Promise<Policy>; readAt: number };
// Per database handle: tests run several databases in one process.
const kept = new WeakMap<object, Kept>();

/** The stored policy (the defaults while the business was never set up), read on `db` or a transaction. */
export async function readPolicy(db: Executor): Promise<Policy> {
  return toBusinessJson(await readBusiness(db)).policy;
}

/** The policy slot lists are offered by: this instance's copy, at most a few seconds old. */
export async function offeredPolicy(): Promise<Policy> {
  const db = await getDb();
  const entry = kept.get(db);
  // The instance's own clock, not a request's `now`: this is only about how old the copy is.
  const ms = Date.now();
  if (entry && entry.readAt <= ms && ms - entry.readAt < OFFER_TTL_MS) return entry.policy;
  const policy = readPolicy(db);
  kept.set(db, { policy, readAt: ms });
  // A failed read is not kept: the next request tries again.
  policy.catch(() => kept.delete(db));
  return policy;
}

/**
 * Until when (ms) the copy offeredPolicy gives now may be used: an answer offered by it and sent
 * again (lib/api/kept-answers.ts) is not sent past this.
 */
export async function offeredPolicyUntil(): Promise<number> {
  const entry = kept.get(await getDb());
  return entry ? entry.readAt + OFFER_TTL_MS : Date.now();
}

/** Drops this instance's copy, and the answers offered by it (after a PATCH /business commits). */
export async function forgetOfferedPolicy(): Promise<void> {
  const db = await getDb();
  kept.delete(db);
  forgetAllAnswers(db);
}
