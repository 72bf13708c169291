// The job queue of a process (pg-boss on the app's database, schema "pgboss"). Every start installs
// or migrates pg-boss's tables, creates the queues of queues.ts (and brings their retry settings up
// to date) and records the periodic ones' cron schedules. A process that works also claims and runs
// jobs (`FOR UPDATE SKIP LOCKED`, so several workers never take one job twice), runs pg-boss's
// maintenance (jobs that outlived their time limit are failed and retried) and its clock, which
// turns each cron schedule into one job per period across all instances.
import PgBoss from "pg-boss";
import type { z } from "zod";
import { type JobsConnection, openJobsSql } from "@/db/jobs-sql";
import { handlers } from "./handlers";
import { type HandlersFor, JOBS_SCHEMA, type JobContext, type QueueDefinition, queues } from "./queues";

/** Shorter intervals and other cron expressions, for tests and demos; production takes the defaults. */
export type JobsTuning = {
  /** Instead of each queue's own polling interval (at least 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How often the clock looks for due cron schedules (1–45 s; 30 by default). */
  cronMonitorIntervalSeconds?: number;
  /** How often due cron jobs are handed to their queues (1–45 s; 5 by default). */
  cronWorkerIntervalSeconds?: number;
  /** Cron expressions instead of the queues' own. */
  crons?: Record<string, string>;
};

export type JobsOptions<Q extends Record<string, QueueDefinition>> = {
  queues: Q;
  handlers: HandlersFor<Q>;
  /** Claim and run jobs, run the cron clock and maintenance; otherwise only prepare the database. */
  work: boolean;
  tuning?: JobsTuning;
};

export type Jobs = {
  boss: PgBoss;
  working: boolean;
  /** The cron schedules now recorded: queue name → expression (UTC). */
  schedules: Record<string, string>;
  /** Stops claiming, waits up to `timeoutMs` for the handlers running, then lets go of the database. */
  stop(timeoutMs?: number): Promise<void>;
};

const DEFAULT_STOP_TIMEOUT_MS = 3_000;
/** Jobs one ask of a worker may claim (QueueDefinition.batchSize). */
const DEFAULT_BATCH_SIZE = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

async function createQueues(boss: PgBoss, definitions: Record<string, QueueDefinition>) {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const [name, { settings }] of Object.entries(definitions)) {
    if (existing.has(name)) await boss.updateQueue(name, { name, ...settings });
    else await boss.createQueue(name, { name, ...settings });
  }
}

async function recordSchedules(
  boss: PgBoss,
  definitions: Record<string, QueueDefinition>,
  crons: Record<string, string> = {},
): Promise<Record<string, string>> {
  const wanted: Record<string, string> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const cron = crons[name] ?? definition.cron;
    if (cron) wanted[name] = cron;
  }
  for (const [name, cron] of Object.entries(wanted)) await boss.schedule(name, cron, {}, { tz: "UTC" });
  // A queue that stopped being periodic (or is gone) stops running by itself.
  for (const { name } of await boss.getSchedules()) {
    if (!(name in wanted)) await boss.unschedule(name);
  }
  return wanted;
}

/** Starts a queue on the app's database with these queues and handlers (startJobs: the app's own). */
export async function createJobs<Q extends Record<string, QueueDefinition>>(options: JobsOptions<Q>): Promise<Jobs> {
  const { work, tuning = {} } = options;
  const definitions: Record<string, QueueDefinition> = options.queues;
  const connection: JobsConnection = await openJobsSql();
  const boss = new PgBoss({
    db: connection,
    schema: JOBS_SCHEMA,
    supervise: work,
    schedule: work,
    ...defined({
      cronMonitorIntervalSeconds: tuning.cronMonitorIntervalSeconds,
      cronWorkerIntervalSeconds: tuning.cronWorkerIntervalSeconds,
    }),
  });
  boss.on("error", (err: unknown) => console.error("[jobs]", err instanceof Error ? err.message : err));

  let schedules: Record<string, string>;
  try {
    await boss.start();
    await createQueues(boss, definitions);
    schedules = await recordSchedules(boss, definitions, tuning.crons);
  } catch (err) {
    await boss.stop({ graceful: false, close: false, wait: true }).catch(() => {});
    await connection.close().catch(() => {});
    throw err;
  }
  if (!work) {
    await boss.stop({ graceful: false, close: false, wait: true });
    await connection.close();
    return { boss, working: false, schedules, stop: async () => {} };
  }

  let stopping = false;
  let handling = 0;
  const run = async (name: string, job: PgBoss.JobWithMetadata<unknown>) => {
    // A poll that was under way when the stop began may still hand a job over: it runs again later.
    if (stopping) throw new Error("the worker is stopping; the job will run again");
    handling += 1;
    const context: JobContext = { id: job.id, attempt: job.retryCount + 1, attempts: job.retryLimit + 1 };
    try {
      const definition = definitions[name] as QueueDefinition;
      const handler = options.handlers[name] as (data: z.output<z.ZodType>, job: JobContext) => Promise<unknown>;
      return await handler(definition.data.parse(job.data), context);
    } catch (err) {
      console.error(`[jobs] ${name} job ${job.id} failed (try ${context.attempt} of ${context.attempts}):`, err);
      throw err;
    } finally {
      handling -= 1;
    }
  };

  for (const [name, definition] of Object.entries(definitions)) {
    // Sent before the workers start, so the first poll finds it: e.g. a fresh start fills schedules.
    if (definition.atStart) {
      await boss.send(name, definition.data.parse({}) as object, { singletonKey: "at-start", singletonSeconds: 60 });
    }
  }
  for (const [name, definition] of Object.entries(definitions)) {
    const pollingIntervalSeconds = tuning.pollingIntervalSeconds ?? definition.pollingIntervalSeconds;
    const batchSize = definition.batchSize ?? DEFAULT_BATCH_SIZE;
    // pg-boss completes a batch's jobs when the handler returns, or fails them all when it throws:
    // here each job is completed (with its handler's result as its output) or failed (retried per its
    // queue) on its own, and pg-boss's closing completion finds none of them still active.
    await boss.work<unknown>(name, { pollingIntervalSeconds, includeMetadata: true, batchSize }, async (batch) => {
      await Promise.all(
        batch.map((job) =>
          run(name, job).then(
            (output) => boss.complete(name, job.id, (output ?? undefined) as object | undefined),
            (err: unknown) => boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) }),
          ),
        ),
      );
    });
  }

  let stopped: Promise<void> | undefined;
  const stop = async (timeoutMs = DEFAULT_STOP_TIMEOUT_MS) => {
    stopping = true;
    const deadline = Date.now() + timeoutMs;
    await boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
    // pg-boss marks a job done without waiting for it, and a poll under way may still bring one:
    // wait until nothing is in flight, so nothing runs on a database about to close.
    while (Date.now() < deadline) {
      const waited = await connection.drain();
      await sleep(20);
      if (waited === 0 && handling === 0 && (await connection.drain()) === 0) break;
    }
    await connection.close();
  };
  return {
    boss,
    working: true,
    schedules,
    stop: (timeoutMs) => {
      stopped ??= stop(timeoutMs);
      return stopped;
    },
  };
}

// One queue per process, kept on globalThis like the database handle (db/client.ts), so a dev
// reload or the separately bundled instrumentation hook finds the one already started.
const globalForJobs = globalThis as unknown as { __slotwiseJobs?: Promise<Jobs> };

/** Starts the app's job queue, once per process; `work: false` only prepares the database. */
export async function startJobs(options: { work: boolean; tuning?: JobsTuning }): Promise<Jobs> {
  globalForJobs.__slotwiseJobs ??= createJobs({ queues, handlers, ...options }).catch((err) => {
    globalForJobs.__slotwiseJobs = undefined;
    throw err;
  });
  return globalForJobs.__slotwiseJobs;
}

/** Stops the app's job queue (before the database closes); a no-op when it was never started. */
export async function stopJobs(timeoutMs?: number): Promise<void> {
  const started = globalForJobs.__slotwiseJobs;
  globalForJobs.__slotwiseJobs = undefined;
  const jobs = await started?.catch(() => undefined);
  await jobs?.stop(timeoutMs);
}
