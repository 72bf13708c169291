// The prepared job insert the booking use cases enqueue with (db/queries/queued-jobs.ts) writes the
// row pg-boss's own send writes: the queue's retries, expiry, retention and policy.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertQueuedJob } from "@/db/queries/queued-jobs";
import { enqueue } from "@/lib/jobs/enqueue";
import { NOTIFY_QUEUE, SEND_QUEUE } from "./notify";

const db = await getDb();

type JobRow = Record<string, unknown>;
const jobRow = async (id: string): Promise<JobRow> => {
  const rows = await db.execute(sql`
    select name, data, priority, state, retry_limit, retry_delay, retry_backoff, expire_in::text as expire_in,
      (keep_until - start_after)::text as kept_for, start_after <= now() as due, policy, dead_letter,
      singleton_key, singleton_on
    from pgboss.job where id = ${id}::uuid`);
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: JobRow[] }).rows;
  return list[0] as JobRow;
};

const at = new Date().toISOString();
const state = { status: "booked", startAt: at, endAt: at, workerId: null, locationId: crypto.randomUUID() } as const;
const cases = [
  { queue: SEND_QUEUE, data: { notificationId: crypto.randomUUID() } },
  { queue: NOTIFY_QUEUE, data: { appointmentId: crypto.randomUUID(), before: null, after: state, at, locale: null } },
] as const;

it.each(cases)("writes the row pg-boss's send writes, on the $queue queue", async ({ queue, data }) => {
  const sent = await db.transaction((tx) => enqueue(tx, queue, data as never));
  const ours = crypto.randomUUID();
  expect(await db.transaction((tx) => insertQueuedJob(tx, { id: ours, name: queue, data }))).toBe(true);
  expect(await jobRow(ours)).toEqual(await jobRow(sent as string));
});

it("is due at startAfter, answers false for an id already there and for a queue that does not exist", async () => {
  const id = crypto.randomUUID();
  const at = new Date(Date.now() + 3_600_000);
  const data = { notificationId: crypto.randomUUID() };
  expect(await insertQueuedJob(db, { id, name: SEND_QUEUE, data, startAfter: at })).toBe(true);
  expect(await insertQueuedJob(db, { id, name: SEND_QUEUE, data })).toBe(false);
  expect((await jobRow(id)).due).toBe(false);
  expect(await insertQueuedJob(db, { id: crypto.randomUUID(), name: "no-such-queue", data })).toBe(false);
});
