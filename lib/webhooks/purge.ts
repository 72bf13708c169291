// The `webhook-tries-purge` job (lib/jobs/queues.ts): the deliveries log keeps each finished try for
// 30 days, long enough to look into a receiver's complaint, and does not grow without end. A try
// still pending stays until it has run, whatever its age.
import type { Executor } from "@/db/client";
import { deleteFinishedTriesBefore } from "@/db/queries/webhooks";

export const WEBHOOK_TRY_RETENTION_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows per delete, so that a first purge of a large log holds no long lock. */
const BATCH = 5_000;

/** Deletes the finished tries made more than 30 days (of 24 hours) before `now`; answers how many. */
export async function purgeWebhookTries(db: Executor, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - WEBHOOK_TRY_RETENTION_DAYS * DAY_MS);
  let purged = 0;
  for (;;) {
    const gone = await deleteFinishedTriesBefore(db, cutoff, BATCH);
    purged += gone;
    if (gone < BATCH) return purged;
  }
}
