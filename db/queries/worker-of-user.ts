// The worker record a user account is linked to (workers.user_id, unique): a `worker` caller's own.
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { type Worker, workers } from "../schema/catalog";

export async function findWorkerOfUser(db: Executor, userId: string): Promise<Worker | undefined> {
  const [row] = await db.select().from(workers).where(eq(workers.userId, userId)).limit(1);
  return row;
}
