// The appointment-notify job (./notify.ts), run here by hand instead of by a worker: what a booking's
// transaction enqueued plans the messages once, however often it runs, and a job overtaken by a
// later change of the same appointment leaves the reminders to that change's job.
import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import type { JobData } from "@/lib/jobs/queues";
import { appointmentsApi, bookingScene } from "@/testing/booking";
import { NOTIFY_QUEUE, planAppointmentMessages } from "./notify";

const db = await getDb();
const scene = await bookingScene();

type NotifyData = JobData<typeof NOTIFY_QUEUE>;
/** The appointment-notify jobs enqueued for `appointmentId`, oldest first. */
async function jobsOf(appointmentId: string): Promise<NotifyData[]> {
  const result = await db.execute(
    sql`select data from pgboss.job where name = ${NOTIFY_QUEUE} and data->>'appointmentId' = ${appointmentId} order by created_on`,
  );
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as {
    data: NotifyData | string;
  }[];
  return rows.map((r) => (typeof r.data === "string" ? JSON.parse(r.data) : r.data));
}
const messagesOf = (appointmentId: string) =>
  db
    .select({ kind: notifications.kind, status: notifications.status, plannedStart: notifications.plannedStart })
    .from(notifications)
    .where(eq(notifications.appointmentId, appointmentId))
    .orderBy(notifications.createdAt, notifications.kind);

it("a booking enqueues one job and plans nothing in its own transaction; the job plans once, however often it runs", async () => {
  const res = await appointmentsApi.create(scene.client.token, scene.slot(300));
  expect(res.status).toBe(201);
  const id = res.json.id as string;
  expect(await messagesOf(id)).toEqual([]);
  const [job, ...more] = await jobsOf(id);
  expect(more).toEqual([]);
  expect(job).toMatchObject({ appointmentId: id, before: null, after: { status: "booked" } });
  const planned = await planAppointmentMessages(job as NotifyData);
  expect(planned.length).toBeGreaterThanOrEqual(2);
  const first = await messagesOf(id);
  expect(first.map((m) => m.kind).sort()).toEqual(["confirmation", "reminder"]);
  // Run again (a worker that crashed before marking the job done): nothing new, nothing dropped.
  expect(await planAppointmentMessages(job as NotifyData)).toEqual([]);
  expect(await messagesOf(id)).toEqual(first);
});

it("a job overtaken by a later change tells its news but leaves the reminders to the later change's job", async () => {
  const res = await appointmentsApi.create(scene.client.token, scene.slot(330));
  const id = res.json.id as string;
  const moved = await appointmentsApi.patch(scene.client.token, id, { start: scene.slot(390).start });
  expect(moved.status).toBe(200);
  const [booked, move] = (await jobsOf(id)) as [NotifyData, NotifyData];
  expect(move.before?.startAt).toBe(booked.after.startAt);
  // The later job first, then the earlier one (two workers may take them in either order).
  await planAppointmentMessages(move);
  await planAppointmentMessages(booked);
  const messages = await messagesOf(id);
  const newStart = new Date(moved.json.start).getTime();
  const reminders = messages.filter((m) => m.kind === "reminder");
  expect(reminders).toHaveLength(1);
  expect(reminders[0]).toMatchObject({ status: "pending" });
  expect(reminders[0]?.plannedStart?.getTime()).toBe(newStart);
  expect(messages.filter((m) => m.kind === "rescheduled")).toHaveLength(1);
  // Each job's news once (the confirmation told as the appointment now is); a rerun adds nothing.
  expect(await planAppointmentMessages(booked)).toEqual([]);
  expect(await planAppointmentMessages(move)).toEqual([]);
  const pending = await db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.appointmentId, id), eq(notifications.kind, "reminder"), eq(notifications.status, "pending")),
    );
  expect(pending).toHaveLength(1);
});

it("a rolled-back change enqueues nothing", async () => {
  const taken = await appointmentsApi.create(scene.otherClient.token, scene.slot(300));
  expect(taken.status).toBe(409);
  const count = await db.execute(sql`select count(*)::int as n from pgboss.job where name = ${NOTIFY_QUEUE}`);
  const rows = (Array.isArray(count) ? count : (count as unknown as { rows: { n: number }[] }).rows) as { n: number }[];
  expect(rows[0]?.n).toBe(3);
});
