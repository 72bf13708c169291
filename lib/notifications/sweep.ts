// The `notification-sweep` job (every 5 minutes): no message is left behind when its send job is
// lost, nor when the job that plans an appointment change's messages failed all its tries (a
// database outage longer than its retries, say): that plan runs again, from a new job with the same
// data, while the change is less than 6 hours old (planning is safe to run twice: each message has
// its dedupe key). A message claimed by a sender that died on the job's last try, or whose job is gone, would
// otherwise stay `sending` or `pending` for ever. Each such message gets a new send job (one per
// message and attempt count, so several sweeps enqueue it once), or, when it has had all its tries,
// is marked failed with the reason.
import { type Executor, getDb } from "@/db/client";
import { failLapsedNotification, stalledNotifications } from "@/db/queries/notifications";
import { failedJobsToRunAgain } from "@/db/queries/queued-jobs";
import { enqueue, jobId } from "@/lib/jobs/enqueue";
import { queues } from "@/lib/jobs/queues";
import { NOTIFY_QUEUE, SEND_QUEUE } from "./notify";
import { CLAIM_LEASE_SECONDS } from "./send";

/** The tries a message has: the send queue's retries and the first. */
const MAX_ATTEMPTS = queues[SEND_QUEUE].settings.retryLimit + 1;
/** Longer than the send queue's longest wait between tries (backoff up to twice 8 minutes). */
const GRACE_SECONDS = 20 * 60;
const BATCH = 200;
/** How long after a change its failed plan is run again. */
const REPLAN_WINDOW_MS = 6 * 60 * 60 * 1000;

export async function sweepNotifications(
  now = new Date(),
): Promise<{ requeued: number; failed: number; replanned: number }> {
  const db = await getDb();
  const stalled = await stalledNotifications(db, now, CLAIM_LEASE_SECONDS, GRACE_SECONDS, BATCH);
  let requeued = 0;
  let failed = 0;
  for (const n of stalled) {
    if (n.status === "sending" && n.attempts >= MAX_ATTEMPTS) {
      const lapsed = new Date(now.getTime() - CLAIM_LEASE_SECONDS * 1000);
      if (await failLapsedNotification(db, n.id, lapsed, "The sender stopped before recording the outcome.")) {
        failed += 1;
      }
      continue;
    }
    const id = await enqueue(
      db,
      SEND_QUEUE,
      { notificationId: n.id },
      { id: jobId(`notification:${n.id}:sweep:${n.attempts}`) },
    );
    if (id) requeued += 1;
  }
  return { requeued, failed, replanned: await replanFailed(db, now) };
}

/** Runs each failed plan of a recent change again, once per failed job (its id names the new one). */
async function replanFailed(db: Executor, now: Date): Promise<number> {
  const since = new Date(now.getTime() - REPLAN_WINDOW_MS);
  let replanned = 0;
  for (const job of await failedJobsToRunAgain(db, NOTIFY_QUEUE, since, BATCH)) {
    const parsed = queues[NOTIFY_QUEUE].data.safeParse(job.data);
    if (!parsed.success) continue;
    if (await enqueue(db, NOTIFY_QUEUE, parsed.data, { id: jobId(`notify-again:${job.id}`) })) replanned += 1;
  }
  return replanned;
}
