// A job row of the queue (pg-boss's `pgboss.job`), written by one prepared statement: for a job
// enqueued inside a booking's transaction, beside the statements already there. pg-boss's own send
// runs its insert unprepared, which postgres.js sends as a Parse and Describe first and the values
// only after the answer: two round trips, and nothing else goes out on the connection meanwhile.
// Prepared, the insert goes out with the statements around it (one round trip for all of them).
//
// It writes the row pg-boss's send would (its `insertJob`, pg-boss 10) for a job with no options
// of its own: the queue's retry limit, delay and backoff, expiry, retention, policy and dead letter,
// as the queue was created (lib/jobs/queues.ts). A queue that does not exist inserts nothing.
// lib/notifications/queued-job.test.ts checks the row against the one pg-boss's send writes.
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { statement } from "../statements";

/** The schema pg-boss keeps its tables in (lib/jobs/queues.ts JOBS_SCHEMA). */
const SCHEMA = sql.raw("pgboss");

// Values go in as text (cast here), the same for both drivers whatever their type mapping.
const insertJobRow = statement<{ id: string }>(
  "queued_job_insert",
  () => sql`
    insert into ${SCHEMA}.job (
      id, name, data, priority, start_after, dead_letter, expire_in, keep_until,
      retry_limit, retry_delay, retry_backoff, policy
    )
    select
      j.id, j.name, j.data, 0, j.start_after, q.dead_letter,
      coalesce(q.expire_seconds * interval '1s', interval '15 minutes'),
      j.start_after + cast(coalesce((q.retention_minutes * 60)::text, '14 days') as interval),
      coalesce(q.retry_limit, 2),
      case when coalesce(q.retry_backoff, false) then greatest(coalesce(q.retry_delay, 0), 1)
        else coalesce(q.retry_delay, 0) end,
      coalesce(q.retry_backoff, false),
      q.policy
    from (
      select
        ${sql.placeholder("id")}::text::uuid as id,
        ${sql.placeholder("name")}::text as name,
        ${sql.placeholder("data")}::text::jsonb as data,
        coalesce(${sql.placeholder("startAfter")}::text::timestamptz, now()) as start_after
    ) j
    join ${SCHEMA}.queue q on q.name = j.name
    on conflict do nothing
    returning id`,
);

/**
 * Inserts a job of queue `name` with `data` (already checked), due now or at `startAfter`. Answers
 * whether a row was written: false when the queue does not exist or a job with `id` is there.
 */
export async function insertQueuedJob(
  executor: Executor,
  job: { id: string; name: string; data: unknown; startAfter?: Date },
): Promise<boolean> {
  const rows = await insertJobRow(executor, {
    id: job.id,
    name: job.name,
    data: JSON.stringify(job.data),
    startAfter: job.startAfter?.toISOString() ?? null,
  });
  return rows.length > 0;
}

/**
 * Jobs of queue `name` that failed for good, about a change made after `since` (`data.at`), for which
 * no job with the same data is waiting, running or done: oldest first, at most `limit`.
 */
export async function failedJobsToRunAgain(
  db: Executor,
  name: string,
  since: Date,
  limit: number,
): Promise<{ id: string; data: unknown }[]> {
  return queryRows<{ id: string; data: unknown }>(
    db,
    sql`
    select j.id::text as id, j.data from ${SCHEMA}.job j
    where j.name = ${name} and j.state = 'failed'
      and (j.data->>'at')::timestamptz > ${since.toISOString()}::timestamptz
      and not exists (
        select 1 from ${SCHEMA}.job k where k.name = j.name and k.data = j.data and k.state <> 'failed'
      )
    order by j.created_on
    limit ${limit}`,
  );
}
