// The app's job queue (startJobs with queues.ts and handlers.ts) on this file's database: the
// periodic work runs from pg-boss's cron clock and at start, and enqueue writes in the caller's
// transaction. Intervals are shortened through startJobs' tuning; the cron of the purge is every
// minute here, which fires at once (its last minute boundary is always under a minute ago).
import { randomUUID } from "node:crypto";
import { subDays } from "date-fns";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import { idempotencyKeys, shifts } from "@/db/schema";
import { applyWeeklySchedule } from "@/lib/schedule/apply-weekly-schedule";
import { makeLocation, makeWorker } from "@/testing/fixtures";
import { enqueue, jobId } from "./enqueue";
import { type Jobs, startJobs, stopJobs } from "./runtime";

const db = await getDb();
const waitLong = { timeout: 15_000, interval: 100 };

type JobRow = { id: string; state: string; output: unknown };
const jobsOf = (name: string) =>
  queryRows<JobRow>(db, sql`select id, state, output from pgboss.job where name = ${name} order by created_on`);

let jobs: Jobs;
let userId: string;
let workerId: string;
let shiftsBefore: number;
let startedAt: number;

const countShifts = async () => (await db.select().from(shifts).where(eq(shifts.workerId, workerId))).length;

beforeAll(async () => {
  // A weekly schedule laid out three days ago: its last three days are not filled yet.
  const now = new Date();
  const location = await makeLocation({ timezone: "UTC" });
  const worker = await makeWorker({ locationId: location.id, bookingHorizonDays: 7 });
  workerId = worker.id;
  const from = subDays(now, 3).toISOString().slice(0, 10);
  const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
  await applyWeeklySchedule(db, {
    worker,
    location,
    body: { locationId: location.id, from, rules },
    actorId: null,
    now: subDays(now, 3),
  });
  shiftsBefore = await countShifts();

  // Idempotency-Keys: one from last month (to forget), one from now (to keep).
  const user = await insertUser({
    email: `jobs-${randomUUID()}@example.test`,
    name: "Jobs",
    role: "client",
    passwordHash: "x",
  });
  userId = user.id;
  await db.insert(idempotencyKeys).values([
    { ownerId: userId, key: "old", requestHash: "h", createdAt: subDays(now, 30) },
    { ownerId: userId, key: "new", requestHash: "h" },
  ]);

  startedAt = Date.now();
  jobs = await startJobs({
    work: true,
    tuning: {
      pollingIntervalSeconds: 0.5,
      cronMonitorIntervalSeconds: 1,
      cronWorkerIntervalSeconds: 1,
      crons: { "idempotency-purge": "* * * * *" },
    },
  });
});

afterAll(async () => {
  await stopJobs();
});

describe("the app's job queue", () => {
  it("is one per process and records the periodic queues' cron schedules (UTC)", async () => {
    expect(await startJobs({ work: true })).toBe(jobs);
    expect(jobs.schedules).toEqual({
      "schedules-roll": "0 * * * *",
      "idempotency-purge": "* * * * *",
      "notification-sweep": "*/5 * * * *",
      "webhook-tries-purge": "30 3 * * *",
    });
    const stored = await jobs.boss.getSchedules();
    // pg-boss's types call the zone `tz`; the row it answers calls it `timezone`.
    const zone = (s: object) => (s as { timezone?: string }).timezone;
    expect(stored.map((s) => [s.name, s.cron, zone(s)]).sort()).toEqual([
      ["idempotency-purge", "* * * * *", "UTC"],
      ["notification-sweep", "*/5 * * * *", "UTC"],
      ["schedules-roll", "0 * * * *", "UTC"],
      ["webhook-tries-purge", "30 3 * * *", "UTC"],
    ]);
  });

  it("rolls weekly schedules forward once at start", async () => {
    await vi.waitFor(async () => {
      const [roll] = await jobsOf("schedules-roll");
      expect(roll?.state).toBe("completed");
    }, waitLong);
    const [roll] = await jobsOf("schedules-roll");
    const created = (await countShifts()) - shiftsBefore;
    expect(created).toBeGreaterThan(0);
    expect(roll?.output).toMatchObject({ shiftsCreated: created });
  });

  it("purges old Idempotency-Keys from its cron schedule, once per period", async () => {
    await vi.waitFor(async () => {
      const keys = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.ownerId, userId));
      expect(keys.map((k) => k.key)).toEqual(["new"]);
    }, waitLong);
    await vi.waitFor(async () => expect((await jobsOf("idempotency-purge"))[0]?.state).toBe("completed"), waitLong);
    // The clock looks every second, but a schedule sends at most one job per minute.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const minutes = Math.floor(Date.now() / 60_000) - Math.floor(startedAt / 60_000) + 1;
    expect((await jobsOf("idempotency-purge")).length).toBeLessThanOrEqual(minutes);
  });
});

describe("enqueue", () => {
  it("writes the job in the caller's transaction: none when it rolls back, one when it commits", async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, "idempotency-purge", {}, { id: jobId("rolled-back") });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await jobs.boss.getJobById("idempotency-purge", jobId("rolled-back"))).toBeNull();

    const id = await db.transaction((tx) => enqueue(tx, "idempotency-purge", {}, { id: jobId("committed") }));
    expect(id).toBe(jobId("committed"));
    await vi.waitFor(
      async () => expect((await jobs.boss.getJobById("idempotency-purge", id as string))?.state).toBe("completed"),
      waitLong,
    );
  });

  it("skips a job whose id is already there, and refuses data its queue does not take", async () => {
    const key = jobId(`once-${randomUUID()}`);
    expect(await enqueue(db, "schedules-roll", {}, { id: key, startAfter: 3600 })).toBe(key);
    expect(await enqueue(db, "schedules-roll", {}, { id: key, startAfter: 3600 })).toBeNull();
    await expect(enqueue(db, "schedules-roll", "not an object" as never)).rejects.toThrow();
    await jobs.boss.deleteJob("schedules-roll", key);
  });

  it("makes job ids that are UUIDs, the same for the same key", () => {
    expect(jobId("a")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobId("a")).toBe(jobId("a"));
    expect(jobId("a")).not.toBe(jobId("b"));
  });
});
