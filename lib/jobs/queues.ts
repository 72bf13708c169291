// Every job queue, in one place: the shape of its data (checked when a job is enqueued and again
// when it runs), its retries, and when it runs by itself. A feature adds its queue here and its
// handler in handlers.ts; the type checker then asks for both.
//
// Retries: a job whose handler throws (or outlives `expireInSeconds`, e.g. its worker crashed) runs
// again up to `retryLimit` more times; with `retryBackoff` the n-th wait is about
// retryDelay·2^(n−1) seconds (randomised up to twice that), so 60 s gives ~1, 2, 4, 8 … minutes.
// After the last try the job is `failed` and stays visible in pgboss.job / pgboss.archive.
import { z } from "zod";
import { APPOINTMENT_STATUSES } from "@/db/schema/appointments";

/** The PostgreSQL schema pg-boss keeps its tables in. */
export const JOBS_SCHEMA = "pgboss";

export type QueueSettings = {
  retryLimit: number;
  /** Seconds before the first retry; the base of the backoff. */
  retryDelay: number;
  retryBackoff: boolean;
  /** A job still running after this long counts as failed (and is retried). */
  expireInSeconds: number;
};

export type QueueDefinition<Data extends z.ZodType = z.ZodType> = {
  data: Data;
  settings: QueueSettings;
  /** How often an idle worker asks for jobs of this queue. */
  pollingIntervalSeconds: number;
  /**
   * How many jobs one ask may claim (default 20), run side by side: pg-boss waits a polling interval
   * after every ask, busy or not, so this is how many jobs a worker can start per interval.
   */
  batchSize?: number;
  /** Runs once per period across all instances: a cron expression, read in UTC. */
  cron?: string;
  /** Also runs when a worker starts (once, however many instances start within a minute). */
  atStart?: boolean;
};

const queue = <Data extends z.ZodType>(definition: QueueDefinition<Data>) => definition;

/** An appointment's state as the notifications' plan compares it (lib/notifications/plan.ts). */
const appointmentState = z.object({
  status: z.enum(APPOINTMENT_STATUSES),
  startAt: z.iso.datetime({ offset: true }),
  endAt: z.iso.datetime({ offset: true }),
  workerId: z.uuid().nullable(),
  locationId: z.uuid(),
});

/** Periodic housekeeping: cheap, idempotent, and the next hour tries again anyway. */
const housekeeping: QueueSettings = { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 };

export const queues = {
  /** Fills every weekly schedule with shifts up to its worker's booking horizon, as the days go by. */
  "schedules-roll": queue({
    data: z.object({}),
    settings: housekeeping,
    pollingIntervalSeconds: 10,
    cron: "0 * * * *",
    atStart: true,
  }),
  /** Forgets Idempotency-Keys older than a week. */
  "idempotency-purge": queue({
    data: z.object({}),
    settings: housekeeping,
    pollingIntervalSeconds: 10,
    cron: "0 * * * *",
  }),
  /** Deletes finished webhook tries older than 30 days (lib/webhooks/purge.ts), daily at 03:30 UTC. */
  "webhook-tries-purge": queue({
    data: z.object({}),
    settings: housekeeping,
    pollingIntervalSeconds: 60,
    cron: "30 3 * * *",
  }),
  /**
   * Plans the messages of one change to an appointment (lib/notifications/notify.ts): enqueued in the
   * change's own transaction (one row, written beside its audit row), it reads the appointment,
   * renders and stores the messages and enqueues a `notification-send` job for each, in a
   * transaction of its own. Safe to run twice (each message's dedupe key). Five tries, about 30 s,
   * 1, 2 and 4 minutes apart.
   */
  "appointment-notify": queue({
    data: z.object({
      appointmentId: z.uuid(),
      /** The appointment before the change; null when the change created it. */
      before: appointmentState.nullable(),
      /** The appointment as the change left it. */
      after: appointmentState,
      /** When the change was made (reminders due by then are not planned). */
      at: z.iso.datetime(),
      /** The locale cookie of the request that made the change, if any. */
      locale: z.string().max(35).nullable(),
      /** The manage-link token made by the change, sealed (lib/booking/manage-token.ts), if any. */
      manageToken: z.string().max(200).nullable().optional(),
    }),
    settings: { retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
    pollingIntervalSeconds: 1,
  }),
  /**
   * Sends one stored message (lib/notifications/send.ts), at its time (a reminder is enqueued with
   * startAfter at its moment). Five tries, about 1, 2, 4 and 8 minutes apart; then the message is
   * `failed`. A try that outlives 2 minutes (a hung or crashed sender) counts as failed.
   */
  "notification-send": queue({
    data: z.object({ notificationId: z.uuid() }),
    settings: { retryLimit: 4, retryDelay: 60, retryBackoff: true, expireInSeconds: 120 },
    pollingIntervalSeconds: 2,
  }),
  /** Gives a message whose send job was lost a new one, or marks it failed after its last try (lib/notifications/sweep.ts). */
  "notification-sweep": queue({
    data: z.object({}),
    settings: housekeeping,
    pollingIntervalSeconds: 10,
    cron: "*/5 * * * *",
  }),
  /**
   * A booked appointment's interval freed up (lib/waitlist/free-up.ts): emails the waiting clients it
   * fits, in order of joining. Enqueued in the cancel's or move's own transaction; safe to run twice
   * (each message's dedupe key names the entry and the interval).
   */
  "waitlist-free-up": queue({
    data: z.object({
      appointmentId: z.uuid(),
      workerId: z.uuid(),
      start: z.iso.datetime(),
      end: z.iso.datetime(),
    }),
    settings: { retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
    pollingIntervalSeconds: 2,
  }),
  /**
   * A password-reset request (lib/accounts/password-reset.ts): finds out whether the address has an
   * account and, if so, issues the token and plans the message. Enqueued for every request, known
   * address or not, so that the request's answer and timing tell nothing.
   */
  "account-password-reset": queue({
    data: z.object({ email: z.string().max(320), locale: z.enum(["en", "ru"]).nullable() }),
    settings: { retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 },
    pollingIntervalSeconds: 2,
  }),
  /**
   * One try of a webhook message (lib/webhooks/deliver.ts). A failed try schedules the next one
   * itself (lib/webhooks/schedule.ts: six tries over about 66 minutes, each recorded); the retries
   * here are only for a try that crashed or could not record its outcome.
   */
  "webhook-deliver": queue({
    data: z.object({ deliveryId: z.uuid() }),
    settings: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 },
    pollingIntervalSeconds: 2,
  }),
};

export type Queues = typeof queues;
export type QueueName = keyof Queues;
/** What a job of the queue carries, once checked. */
export type JobData<N extends QueueName> = z.output<Queues[N]["data"]>;
/** What an enqueuer passes (before defaults and coercions of the schema). */
export type JobInput<N extends QueueName> = z.input<Queues[N]["data"]>;

export type JobContext = {
  id: string;
  /** 1 on the first try, 2 on the first retry, … */
  attempt: number;
  /** How many tries the job has in all. */
  attempts: number;
};

/**
 * What a worker does with a queue's jobs: gets the job's checked data; throwing fails this try
 * (retried per the queue's settings); what it returns is kept as the job's output.
 */
export type HandlersFor<Q extends Record<string, QueueDefinition>> = {
  [N in keyof Q]: (data: z.output<Q[N]["data"]>, job: JobContext) => Promise<unknown>;
};
