// The `notification-sweep` job (every 5 minutes): no message is left behind when its send job is
// lost. A message claimed by a sender that died on the job's last try, or whose job is gone, would
// otherwise stay `sending` or `pending` for ever. Each such message gets a new send job (one per
// message and attempt count, so several sweeps enqueue it once), or, when it has had all its tries,
// is marked failed with the reason.
import { getDb } from "@/db/client";
import { failLapsedNotification, stalledNotifications } from "@/db/queries/notifications";
import { enqueue, jobId } from "@/lib/jobs/enqueue";
import { queues } from "@/lib/jobs/queues";
import { SEND_QUEUE } from "./notify";
import { CLAIM_LEASE_SECONDS } from "./send";

/** The tries a message has: the send queue's retries and the first. */
const MAX_ATTEMPTS = queues[SEND_QUEUE].settings.retryLimit + 1;
/** Longer than the send queue's longest wait between tries (backoff up to twice 8 minutes). */
const GRACE_SECONDS = 20 * 60;
const BATCH = 200;

export async function sweepNotifications(now = new Date()): Promise<{ requeued: number; failed: number }> {
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
  return { requeued, failed };
}
