// Enqueueing a job in the same transaction as the change that causes it: a rolled-back booking
// never sends, a committed one always does. Needs only the caller's executor, never a running
// queue; the queue itself must exist, which every app and worker start sees to (startJobs).
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import type { Executor } from "@/db/client";
import { jobsSqlFor } from "@/db/jobs-sql";
import { JOBS_SCHEMA, type JobInput, type QueueName, queues } from "./queues";

export type EnqueueOptions = {
  /**
   * The job's id (a UUID; `jobId(key)` makes one from a key): a second enqueue with the same id is
   * skipped while the first job is kept (pg-boss keeps jobs for days after they finish).
   */
  id?: string;
  /** With `singletonSeconds`: at most one job per key and time slot of that many seconds. */
  singletonKey?: string;
  singletonSeconds?: number;
  /** Not before this instant (a reminder), or after this many seconds. */
  startAfter?: Date | number;
  priority?: number;
} & Partial<Pick<PgBoss.SendOptions, "retryLimit" | "retryDelay" | "retryBackoff" | "expireInSeconds">>;

// Only its send is used, always on the caller's executor: it never connects or starts.
let sender: PgBoss | undefined;
function theSender(): PgBoss {
  sender ??= new PgBoss({
    db: {
      executeSql: () => Promise.reject(new Error("jobs: enqueue runs on the caller's executor only")),
    },
    schema: JOBS_SCHEMA,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  return sender;
}

/**
 * Enqueues a job of `name` on `executor` (the caller's transaction, or the database itself). The
 * data is checked against the queue's schema. Answers the job's id, or null when `id` or the
 * singleton options found the job already there.
 */
export async function enqueue<N extends QueueName>(
  executor: Executor,
  name: N,
  data: JobInput<N>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const checked = queues[name].data.parse(data) as object;
  const id = await theSender().send(name, checked, { ...options, db: jobsSqlFor(executor) });
  if (id === null && options.id === undefined && options.singletonKey === undefined) {
    // pg-boss inserts a job only into a queue that exists, and otherwise says nothing.
    throw new Error(`jobs: the queue "${name}" does not exist; startJobs() creates the queues`);
  }
  return id;
}

/** A job id (a UUID, version 5 style) derived from a key, to make enqueueing idempotent. */
export function jobId(key: string): string {
  const hex = createHash("sha1").update(`slotwise-job:${key}`).digest("hex");
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
