// The first try of a webhook message, written by prepared statements in the transaction of the change
// the message is about. (An unprepared insert is sent as a Parse and Describe first and its values
// only after the answer: two round trips, holding up what follows.)
// - insertFirstWebhookTry: one try, to be sent beside its job (db/queries/queued-jobs.ts).
// - queueToSubscribers: an event to every active endpoint subscribed to it, reading them, writing a
//   try and its job for each, in ONE statement: no round trip of its own beside the change's writes.
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { type WebhookDelivery, webhookDeliveries } from "../schema/webhooks";
import { statement } from "../statements";

const insertFirstTry = statement("webhook_first_try_insert", (db) =>
  db
    .insert(webhookDeliveries)
    .values({
      id: sql.placeholder("id"),
      endpointId: sql.placeholder("endpointId"),
      eventType: sql.placeholder("eventType"),
      messageId: sql.placeholder("messageId"),
      body: sql.placeholder("body"),
      attempt: 1,
      status: "pending",
      scheduledAt: sql.placeholder("scheduledAt"),
    })
    .returning(),
);

export type FirstTry = Pick<WebhookDelivery, "id" | "endpointId" | "eventType" | "messageId" | "body" | "scheduledAt">;

/** Inserts the pending first try of a message; answers its row. */
export async function insertFirstWebhookTry(executor: Executor, values: FirstTry): Promise<WebhookDelivery> {
  const [row] = await insertFirstTry(executor, values);
  if (!row) throw new Error("webhook try not inserted");
  return row;
}

/** The schema pg-boss keeps its tables in (lib/jobs/queues.ts JOBS_SCHEMA). */
const JOBS = sql.raw("pgboss");

// The job row as db/queries/queued-jobs.ts writes it (pg-boss's send, the queue's settings), with
// data {"deliveryId": …}. Message ids as lib/webhooks/emit.ts makes them: msg_ and 32 hex digits.
const queueToEndpoints = statement<{ id: string }>(
  "webhook_queue_to_subscribers",
  () => sql`
    with tries as (
      insert into ${webhookDeliveries} (id, endpoint_id, event_type, message_id, body, attempt, status, scheduled_at)
      select gen_random_uuid(), e.id, ${sql.placeholder("event")}::text,
        'msg_' || replace(gen_random_uuid()::text, '-', ''), ${sql.placeholder("body")}::text, 1, 'pending',
        ${sql.placeholder("at")}::text::timestamptz
      from webhook_endpoints e
      where e.active and ${sql.placeholder("event")}::text = any(e.events)
      returning id, scheduled_at
    ), jobs as (
      insert into ${JOBS}.job (
        id, name, data, priority, start_after, dead_letter, expire_in, keep_until,
        retry_limit, retry_delay, retry_backoff, policy
      )
      select
        gen_random_uuid(), q.name, jsonb_build_object('deliveryId', t.id), 0, t.scheduled_at, q.dead_letter,
        coalesce(q.expire_seconds * interval '1s', interval '15 minutes'),
        t.scheduled_at + cast(coalesce((q.retention_minutes * 60)::text, '14 days') as interval),
        coalesce(q.retry_limit, 2),
        case when coalesce(q.retry_backoff, false) then greatest(coalesce(q.retry_delay, 0), 1)
          else coalesce(q.retry_delay, 0) end,
        coalesce(q.retry_backoff, false),
        q.policy
      from tries t
      join ${JOBS}.queue q on q.name = ${sql.placeholder("queue")}::text
      returning data->>'deliveryId' as id
    )
    select t.id, (select count(*) from jobs) as jobs from tries t`,
);

/**
 * Queues `body` (the message, `event` its type) to every active endpoint subscribed to `event`: a
 * pending first try each, due at `at`, with its job on queue `queue`. Answers the tries' ids.
 */
export async function queueToSubscribers(
  executor: Executor,
  message: { event: string; body: string; at: Date; queue: string },
): Promise<string[]> {
  const rows = await queueToEndpoints(executor, {
    event: message.event,
    body: message.body,
    at: message.at.toISOString(),
    queue: message.queue,
  });
  return rows.map((r) => r.id);
}
