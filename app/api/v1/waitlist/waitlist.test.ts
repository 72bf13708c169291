// /waitlist through its route handlers, on this file's database (PGlite or PostgreSQL): joining,
// the refusals, who sees and removes what; then a cancellation's waitlist-free-up job (run here by
// hand) plans one message per fitting entry in order of joining, once however often it runs, and
// the waiting client's booking marks their entry booked.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as itemRoutes from "@/app/api/v1/waitlist/[id]/route";
import * as listRoutes from "@/app/api/v1/waitlist/route";
import { getDb } from "@/db/client";
import { readBusiness } from "@/db/queries/business";
import { notifications, waitlistEntries } from "@/db/schema";
import { toBusinessJson } from "@/lib/contract/business";
import type { JobData } from "@/lib/jobs/queues";
import { addDaysToDate, zonedDateOf, zonedToday } from "@/lib/time/zoned";
import { FREE_UP_QUEUE, notifyWaitlist } from "@/lib/waitlist/free-up";
import { appointmentsApi, bookingScene } from "@/testing/booking";
import { makeService, makeWorker, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";

const db = await getDb();
const scene = await bookingScene();
const TZ = "Europe/Moscow"; // the scene's location
const day = zonedDateOf(scene.shiftStart, TZ);
const businessTz = toBusinessJson(await readBusiness(db)).defaultTimezone;

const api = {
  join: (token: string | undefined, body: unknown) =>
    call(listRoutes.POST, "POST", "/api/v1/waitlist", { token, body }),
  list: (token: string | undefined, query = "") => call(listRoutes.GET, "GET", `/api/v1/waitlist?${query}`, { token }),
  leave: (token: string | undefined, id: string) =>
    call(itemRoutes.DELETE, "DELETE", `/api/v1/waitlist/${id}`, { token, params: { id } }),
};

type FreeUp = JobData<typeof FREE_UP_QUEUE>;
async function freeUpJobs(appointmentId: string): Promise<FreeUp[]> {
  const result = await db.execute(
    sql`select data from pgboss.job where name = ${FREE_UP_QUEUE} and data->>'appointmentId' = ${appointmentId} order by created_on`,
  );
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as {
    data: FreeUp | string;
  }[];
  return rows.map((r) => (typeof r.data === "string" ? JSON.parse(r.data) : r.data));
}

describe("joining, listing and leaving", () => {
  const body = () => ({ workerId: scene.worker.slug, serviceId: scene.service.id, date: day });

  it("refuses the anonymous caller, bad input, unknown records and days out of reach", async () => {
    const token = scene.client.token;
    expect((await api.join(undefined, body())).status).toBe(401);
    const bad = await api.join(token, { ...body(), date: "tomorrow", from: "25:00" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("validation_failed");
    const paths = bad.json.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["date", "from"]));
    const backwards = await api.join(token, { ...body(), from: "12:00", to: "11:00" });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.details.issues[0].path).toBe("to");
    expect((await api.join(token, { ...body(), workerId: "no-such-worker" })).status).toBe(404);
    expect((await api.join(token, { ...body(), serviceId: "no-such-service" })).status).toBe(404);
    const other = await makeService({ durationMinutes: 45 });
    const notPerformed = await api.join(token, { ...body(), serviceId: other.id });
    expect(notPerformed.status).toBe(400);
    expect(notPerformed.json.error.details.issues[0].path).toBe("serviceId");
    const today = zonedToday(new Date(), TZ);
    const past = await api.join(token, { ...body(), date: addDaysToDate(today, -1) });
    expect(past.status).toBe(409);
    expect(past.json.error.details.reason).toBe("in_past");
    const far = await api.join(token, { ...body(), date: addDaysToDate(today, 30) });
    expect(far.status).toBe(409);
    expect(far.json.error.details.reason).toBe("beyond_horizon");
    const staffOnly = await api.join(token, { ...body(), clientId: scene.client.user.id });
    expect(staffOnly.status).toBe(400);
  });

  it("joins once: a second join for the same day answers 409 already_exists with the entry's id", async () => {
    const first = await api.join(scene.client.token, { ...body(), from: "00:00", to: "24:00" });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      status: "waiting",
      date: day,
      from: "00:00",
      to: null,
      timezone: TZ,
      worker: { id: scene.worker.id },
      service: { id: scene.service.id },
      notifiedAt: null,
      appointmentId: null,
    });
    const again = await api.join(scene.client.token, body());
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("already_exists");
    expect(again.json.error.details.id).toBe(first.json.id);
    // Any worker of the service is another entry.
    const any = await api.join(scene.client.token, { serviceId: scene.service.slug, date: day });
    expect(any.status).toBe(201);
    expect(any.json.worker).toBeNull();
    expect(any.json.timezone).toBe(businessTz);
    expect((await api.leave(scene.client.token, any.json.id)).status).toBe(204);
    expect((await api.leave(scene.client.token, first.json.id)).status).toBe(204);
  });

  it("shows a client their own entries only, and staff everyone's with filters", async () => {
    const other = await userWithToken("client", "Waiting Other");
    const theirs = await api.join(other.token, body());
    expect(theirs.status).toBe(201);
    const mine = await api.list(scene.client.token);
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((e: { id: string }) => e.id)).not.toContain(theirs.json.id);
    expect(mine.json.items.every((e: { client: { name: string } }) => e.client.name === "Client One")).toBe(true);
    const staff = await api.list(scene.admin.token, `date=${day}&workerId=${scene.worker.slug}`);
    expect(staff.status).toBe(200);
    expect(staff.json.items.map((e: { id: string }) => e.id)).toContain(theirs.json.id);
    expect((await api.list(scene.admin.token, "workerId=nobody")).json.items).toEqual([]);
    expect((await api.list(scene.admin.token, "date=2026-13-01")).status).toBe(400);
    expect((await api.list(undefined)).status).toBe(401);
    // Someone else's entry is not found; the owner leaves; leaving twice changes nothing.
    expect((await api.leave(scene.client.token, theirs.json.id)).status).toBe(404);
    expect((await api.leave(other.token, "not-a-uuid")).status).toBe(400);
    expect((await api.leave(other.token, theirs.json.id)).status).toBe(204);
    expect((await api.leave(other.token, theirs.json.id)).status).toBe(204);
    expect((await api.list(other.token)).json.items).toEqual([]);
    const removed = await api.list(other.token, "status=removed");
    expect(removed.json.items).toMatchObject([{ id: theirs.json.id, status: "removed" }]);
    // Off the list, the client may join again.
    expect((await api.join(other.token, body())).status).toBe(201);
    // Staff remove anyone's entry.
    const again = await api.list(other.token);
    expect((await api.leave(scene.admin.token, again.json.items[0].id)).status).toBe(204);
  });
});

describe("a freed interval", () => {
  it("emails the fitting entries in order of joining, once, and a booking marks the entry booked", async () => {
    const [holder, first, second, elsewhere] = await Promise.all([
      userWithToken("client", "Holder"),
      userWithToken("client", "First Waiting"),
      userWithToken("client", "Second Waiting"),
      userWithToken("client", "Waiting Elsewhere"),
    ]);
    const otherWorker = await makeWorker({ locationId: scene.location.id }, [scene.service.id]);
    const booked = await appointmentsApi.create(holder.token, scene.slot(0));
    expect(booked.status).toBe(201);
    // A booking frees nothing.
    expect(await freeUpJobs(booked.json.id)).toEqual([]);
    const joined: string[] = [];
    for (const [who, extra] of [
      [first, { workerId: scene.worker.id, date: day }],
      [second, { date: zonedDateOf(scene.shiftStart, businessTz) }],
      [elsewhere, { workerId: otherWorker.id, date: day }],
    ] as const) {
      const res = await api.join(who.token, { serviceId: scene.service.id, ...extra });
      expect(res.status).toBe(201);
      joined.push(res.json.id as string);
    }
    const cancelled = await appointmentsApi.cancel(scene.admin.token, booked.json.id);
    expect(cancelled.status).toBe(200);
    const [job, ...more] = await freeUpJobs(booked.json.id);
    expect(more).toEqual([]);
    expect(job).toMatchObject({ workerId: scene.worker.id, start: scene.shiftStart.toISOString() });
    const planned = await notifyWaitlist(job as FreeUp);
    expect(planned).toHaveLength(2);
    const messages = await db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "waitlist_slot_free"))
      .orderBy(notifications.sendAfter);
    expect(messages.map((m) => m.toAddress)).toEqual([first.user.email, second.user.email]);
    expect(messages.map((m) => m.waitlistEntryId)).toEqual([joined[0], joined[1]]);
    expect(messages[0]?.text).toContain(`/workers/${scene.worker.slug}?service=${scene.service.slug}&date=${day}`);
    // A second run (a retried job) plans nothing.
    expect(await notifyWaitlist(job as FreeUp)).toEqual([]);
    const statuses = async () =>
      Object.fromEntries(
        (await db.select().from(waitlistEntries)).filter((e) => joined.includes(e.id)).map((e) => [e.id, e.status]),
      );
    expect(await statuses()).toEqual({
      [joined[0] as string]: "notified",
      [joined[1] as string]: "notified",
      [joined[2] as string]: "waiting",
    });
    // The first to book gets it; their entry is booked, the other stays on the list.
    const taken = await appointmentsApi.create(first.token, scene.slot(0));
    expect(taken.status).toBe(201);
    expect((await statuses())[joined[0] as string]).toBe("booked");
    expect((await statuses())[joined[1] as string]).toBe("notified");
    const own = await api.list(first.token, "status=booked");
    expect(own.json.items).toMatchObject([{ id: joined[0], status: "booked", appointmentId: taken.json.id }]);
    // Moving the booking away frees its interval again: a new job, and the second entry hears again.
    const moved = await appointmentsApi.patch(scene.admin.token, taken.json.id, { start: scene.slot(60).start });
    expect(moved.status).toBe(200);
    const [moveJob] = await freeUpJobs(taken.json.id);
    expect(moveJob).toMatchObject({ start: scene.shiftStart.toISOString() });
    // The same interval as before: the second entry was told of it already.
    expect(await notifyWaitlist(moveJob as FreeUp)).toEqual([]);
  });
});
