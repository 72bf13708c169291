// The business row (db/schema/business.ts): read, written by PATCH /business, and the two settings
// other writes read inside their own statements.
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { type Business, business } from "../schema/business";
import { statement } from "../statements";

export const BUSINESS_ID = 1;

// Read by every booking, move and cancellation (the policy) and by most pages: built once, prepared.
const selectBusiness = statement("read_business", (db) =>
  db.select().from(business).where(eq(business.id, BUSINESS_ID)),
);

export async function readBusiness(db: Executor): Promise<Business | undefined> {
  const [row] = await selectBusiness(db);
  return row;
}

/** Locks the row (when there is one) until the transaction ends, so two PATCHes apply one after another. */
export async function lockBusiness(tx: Executor): Promise<Business | undefined> {
  const [row] = await tx.select().from(business).where(eq(business.id, BUSINESS_ID)).for("update");
  return row;
}

export type BusinessValues = Omit<typeof business.$inferInsert, "id" | "updatedAt">;

/** Writes the whole row, creating it on the first write (a concurrent first write waits on the key). */
export async function saveBusiness(tx: Executor, values: BusinessValues): Promise<Business> {
  const [row] = await tx
    .insert(business)
    .values({ id: BUSINESS_ID, ...values })
    .onConflictDoUpdate({ target: business.id, set: { ...values, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error("business upsert returned no row");
  return row;
}

/**
 * allowClientOverlap as a value of the statement that books or moves an appointment: copied onto the
 * row in the same statement, so the booking costs no extra round trip (false while no row exists).
 */
export const clientOverlapAllowedNow = sql<boolean>`coalesce((select ${business.allowClientOverlap} from ${business} where ${business.id} = ${sql.raw(String(BUSINESS_ID))}), false)`;
