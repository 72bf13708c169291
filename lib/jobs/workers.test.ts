// Workers (createJobs) on this file's database, with queues of the test's own: several instances
// never take one job twice, a failing handler is retried with its attempt counted, and a stop lets
// the running handler finish. On PostgreSQL the two instances have pools of their own, as two app
// instances would; on PGlite they share the one embedded connection.

import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDb, queryRows } from "@/db/client";
import { jobsSqlFor } from "@/db/jobs-sql";
import type { HandlersFor, JobContext, QueueDefinition } from "./queues";
import { createJobs, type Jobs } from "./runtime";

const db = await getDb();
const fast = { pollingIntervalSeconds: 0.5 };
const settings = { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60 };
const numbered = z.object({ n: z.number().int() });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const started: Jobs[] = [];
async function start<Q extends Record<string, QueueDefinition>>(queues: Q, handlers: HandlersFor<Q>) {
  const jobs = await createJobs({ queues, handlers, work: true, tuning: fast });
  started.push(jobs);
  return jobs;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((jobs) => jobs.stop()));
  vi.restoreAllMocks();
});

describe("two instances working one queue", () => {
  const queues = { "test-once": { data: numbered, settings, pollingIntervalSeconds: 0.5 } };

  it("each job is claimed by exactly one of them (SKIP LOCKED)", async () => {
    // Claims only, from both at once (their own polling stopped): every job goes to exactly one fetch.
    const handlers = { "test-once": async () => undefined };
    const [a, b] = [await start(queues, handlers), await start(queues, handlers)] as [Jobs, Jobs];
    await Promise.all([a, b].map((jobs) => jobs.boss.offWork("test-once")));
    const ids = await db.transaction(async (tx) => {
      const sent: string[] = [];
      for (let n = 0; n < 12; n++) sent.push((await a.boss.send("test-once", { n }, { db: jobsSqlFor(tx) })) as string);
      return sent;
    });
    const claims = await Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).boss.fetch<{ n: number }>("test-once")),
    );
    const claimed = claims.flat().map((job) => job.id);
    expect(claimed.sort()).toEqual([...ids].sort());
  });

  it("and when both work it, every job is handled once", async () => {
    const handledBy: Record<number, string[]> = {};
    const handler =
      (instance: string) =>
      async ({ n }: { n: number }) => {
        handledBy[n] = [...(handledBy[n] ?? []), instance];
        await sleep(150);
      };
    await start(queues, { "test-once": handler("a") });
    const b = await start(queues, { "test-once": handler("b") });
    await db.transaction(async (tx) => {
      for (let n = 0; n < 6; n++) await b.boss.send("test-once", { n }, { db: jobsSqlFor(tx) });
    });
    await vi.waitFor(() => expect(Object.keys(handledBy)).toHaveLength(6), { timeout: 15_000, interval: 50 });
    await sleep(600);
    expect(Object.values(handledBy).every((instances) => instances.length === 1)).toBe(true);
  });
});

describe("a busy queue", () => {
  it("hands a worker a batch of jobs per ask, and a failing one fails alone", async () => {
    // pg-boss waits a polling interval after every ask, busy or not: one job per ask would start one
    // job per interval. The worker asks at once (nothing yet), the jobs arrive, its next ask takes all.
    const queues = { "test-batch": { data: numbered, settings, pollingIntervalSeconds: 5, batchSize: 20 } };
    const done: number[] = [];
    const jobs = await createJobs({
      queues,
      handlers: {
        "test-batch": async ({ n }: { n: number }) => {
          if (n === 3) throw new Error("job 3 fails");
          done.push(n);
        },
      },
      work: true,
    });
    started.push(jobs);
    const ids = await db.transaction(async (tx) => {
      const sent: string[] = [];
      for (let n = 0; n < 10; n++)
        sent.push((await jobs.boss.send("test-batch", { n }, { db: jobsSqlFor(tx) })) as string);
      return sent;
    });
    await vi.waitFor(
      async () => {
        const states = await queryRows<{ state: string; n: string }>(
          db,
          sql`select state::text, count(*)::text as n from pgboss.job where name = 'test-batch' group by state order by state`,
        );
        expect(states).toEqual([
          { state: "completed", n: "9" },
          { state: "failed", n: "1" },
        ]);
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    // All ten were claimed by one ask: one start time, not one per polling interval.
    const rows = await queryRows<{ id: string; started_on: string }>(
      db,
      sql`select id, started_on::text from pgboss.job where name = 'test-batch'`,
    );
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(new Set(rows.map((row) => row.started_on)).size).toBe(1);
  });
});

describe("a failing handler", () => {
  it("is retried per its queue's settings, with the attempt counted, until it succeeds", async () => {
    const queues = {
      "test-retry": { data: numbered, settings: { ...settings, retryLimit: 2 }, pollingIntervalSeconds: 0.5 },
    };
    const tries: JobContext[] = [];
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const jobs = await start(queues, {
      "test-retry": async (_data, job) => {
        tries.push(job);
        if (job.attempt === 1) throw new Error("the mail server said 451");
        return { sentOnTry: job.attempt };
      },
    });
    const id = (await jobs.boss.send("test-retry", { n: 1 }, { db: jobsSqlFor(db) })) as string;
    await vi.waitFor(async () => expect((await jobs.boss.getJobById("test-retry", id))?.state).toBe("completed"), {
      timeout: 10_000,
      interval: 50,
    });
    const job = await jobs.boss.getJobById("test-retry", id);
    expect(job).toMatchObject({ retryCount: 1, retryLimit: 2, output: { sentOnTry: 2 } });
    expect(tries.map(({ attempt, attempts }) => [attempt, attempts])).toEqual([
      [1, 3],
      [2, 3],
    ]);
    expect(logged).toHaveBeenCalledWith(
      expect.stringContaining(`test-retry job ${id} failed (try 1 of 3)`),
      expect.any(Error),
    );
  });
});

describe("stopping", () => {
  it("waits for the handler that is running, which completes its job", async () => {
    const queues = { "test-stop": { data: numbered, settings, pollingIntervalSeconds: 0.5 } };
    let running = false;
    let finished = false;
    const jobs = await start(queues, {
      "test-stop": async () => {
        running = true;
        await sleep(700);
        finished = true;
      },
    });
    const id = (await jobs.boss.send("test-stop", { n: 1 }, { db: jobsSqlFor(db) })) as string;
    await vi.waitFor(() => expect(running).toBe(true), { timeout: 5_000, interval: 20 });
    await jobs.stop(5_000);
    expect(finished).toBe(true);
    // The queue's own connection is closed now; read through the app's.
    const [job] = await queryRows<{ state: string }>(db, sql`select state from pgboss.job where id = ${id}`);
    expect(job?.state).toBe("completed");
  });
});
