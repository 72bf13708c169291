// A change's messages are planned by its appointment-notify job. When that job fails all its tries
// (say the database was away longer than its retries), the sweep runs the plan again from a new job
// with the same data, once per failed job, while the change is less than 6 hours old; the plan then
// makes the messages the change owes.
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { notifications } from "@/db/schema";
import type { JobData } from "@/lib/jobs/queues";
import { appointmentsApi, bookingScene } from "@/testing/booking";
import { NOTIFY_QUEUE, planAppointmentMessages } from "./notify";
import { sweepNotifications } from "./sweep";

const db = await getDb();
const HOUR = 60 * 60 * 1000;

type Job = { id: string; state: string; data: JobData<typeof NOTIFY_QUEUE> | string };
async function jobsOf(appointmentId: string) {
  const rows = await queryRows<Job>(
    db,
    sql`select id::text as id, state::text as state, data from pgboss.job
      where name = ${NOTIFY_QUEUE} and data->>'appointmentId' = ${appointmentId} order by created_on`,
  );
  return rows.map((r) => ({ ...r, data: typeof r.data === "string" ? JSON.parse(r.data) : r.data }));
}
const failJob = (id: string) =>
  db.execute(sql`update pgboss.job set state = 'failed', completed_on = now() where id = ${id}::uuid`);

it("runs a failed plan again once, from a job with the same data, and the plan makes the messages", async () => {
  const scene = await bookingScene();
  const booked = await appointmentsApi.create(scene.client.token, scene.slot(120));
  expect(booked.status).toBe(201);
  const id = booked.json.id as string;
  const [first] = await jobsOf(id);
  if (!first) throw new Error("the booking enqueued no plan");
  await failJob(first.id);

  const swept = await sweepNotifications();
  expect(swept.replanned).toBeGreaterThanOrEqual(1);
  const [, again, ...more] = await jobsOf(id);
  expect(more).toEqual([]);
  expect(again).toMatchObject({ state: "created", data: first.data });
  // The new job is waiting: a second sweep adds nothing for this change.
  await sweepNotifications();
  expect(await jobsOf(id)).toHaveLength(2);

  // What the new job runs: the booking's confirmation is planned, once.
  await planAppointmentMessages(again?.data as JobData<typeof NOTIFY_QUEUE>);
  const planned = await db.select().from(notifications).where(eq(notifications.appointmentId, id));
  expect(planned.map((n) => n.kind)).toContain("confirmation");
  const count = planned.length;
  await planAppointmentMessages(again?.data as JobData<typeof NOTIFY_QUEUE>);
  expect(await db.select().from(notifications).where(eq(notifications.appointmentId, id))).toHaveLength(count);

  // When that job fails as well, the next sweep tries once more.
  if (!again) throw new Error("no second job");
  await failJob(again.id);
  await sweepNotifications();
  expect(await jobsOf(id)).toHaveLength(3);
});

it("leaves a failed plan of a change made more than 6 hours ago alone", async () => {
  const scene = await bookingScene();
  const booked = await appointmentsApi.create(scene.client.token, scene.slot(180));
  const id = booked.json.id as string;
  const [first] = await jobsOf(id);
  if (!first) throw new Error("the booking enqueued no plan");
  await failJob(first.id);
  // Seven hours later, the change is too old to be planned now.
  await sweepNotifications(new Date(Date.now() + 7 * HOUR));
  expect(await jobsOf(id)).toHaveLength(1);
});
