// The one transaction each booking use case runs in (create, reschedule, set status, cancel): begun
// here, and a refusal by the appointments' exclusion constraints under it (or the deadlock two
// conflicting writes can end in) comes out as 409 slot_taken or client_busy (./conflicts.ts).
import { type Db, getDb } from "@/db/client";
import { exclusionError } from "./conflicts";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Runs `write` in one transaction on the app's database and turns an interval taken under it into a 409. */
export async function bookingTransaction<T>(write: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await db.transaction(write);
  } catch (err) {
    throw exclusionError(err) ?? err;
  }
}
