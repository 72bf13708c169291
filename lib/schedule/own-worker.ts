// The worker record a signed-in specialist's account is linked to, as their day page shows it.
import { getDb } from "@/db/client";
import { findWorkerOfUser } from "@/db/queries/worker-of-user";
import type { Caller } from "@/lib/auth/roles";
import { findWorkerOr404 } from "./refs";

export type OwnWorker = { id: string; slug: string; name: string; timezone: string };

/** Null for anyone but a `worker` whose account a manager has linked to a worker record. */
export async function ownWorker(caller: Caller): Promise<OwnWorker | null> {
  if (caller.role !== "worker") return null;
  const db = await getDb();
  const row = await findWorkerOfUser(db, caller.id);
  if (!row) return null;
  const worker = await findWorkerOr404(db, row.id);
  return { id: worker.id, slug: worker.slug, name: worker.name, timezone: worker.timezone };
}
