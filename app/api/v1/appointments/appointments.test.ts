import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, auditLog, clients, services } from "@/db/schema";
import { addDaysToDate, zonedDateOf } from "@/lib/time/zoned";
import { appointmentsApi as api, bookingScene, shiftTime } from "@/testing/booking";
import {
  makeAppointment,
  makeClient,
  makeLocation,
  makeService,
  makeShift,
  makeTimeOff,
  makeWorker,
} from "@/testing/fixtures";

const DAY = 86_400_000;

async function auditOf(id: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "appointment"), eq(auditLog.entityId, id)));
}

describe("POST /appointments: a client books for themselves", () => {
  it("books the service's duration at the service's price, for the caller's own client record", async () => {
    const s = await bookingScene();
    const res = await api.create(s.client.token, s.slot(60, { clientId: crypto.randomUUID(), notes: "first visit" }));
    expect(res.status).toBe(201);
    const a = res.json;
    expect(Date.parse(a.end) - Date.parse(a.start)).toBe(30 * 60_000);
    expect(Date.parse(a.start)).toBe(shiftTime(s.shiftStart, 60).getTime());
    expect(a).toMatchObject({
      status: "booked",
      price: 1500,
      notes: "first visit",
      worker: { id: s.worker.id, slug: s.worker.slug, name: s.worker.name },
      location: { id: s.location.id },
      service: { id: s.service.id },
      client: { name: "Client One" },
      createdBy: s.client.user.id,
      cancelledAt: null,
    });
    const db = await getDb();
    const [own] = await db.select().from(clients).where(eq(clients.userId, s.client.user.id));
    expect(a.client.id).toBe(own?.id);
    // The price stays what it was when booked.
    await db.update(services).set({ price: 9999 }).where(eq(services.id, s.service.id));
    expect((await api.get(s.client.token, a.id)).json.price).toBe(1500);
    const audit = await auditOf(a.id);
    expect(audit).toMatchObject([{ action: "appointment.create", actorId: s.client.user.id, before: null }]);
    expect(audit[0]?.after).toMatchObject({ id: a.id, status: "booked" });
  });

  it("reuses the client's record for a second booking", async () => {
    const s = await bookingScene();
    const first = await api.create(s.client.token, s.slot(0));
    const second = await api.create(s.client.token, s.slot(60));
    expect(second.json.client.id).toBe(first.json.client.id);
  });

  it("refuses a client's own choice of length, which only staff make", async () => {
    const s = await bookingScene();
    const end = shiftTime(s.shiftStart, 45).toISOString();
    const res = await api.create(s.client.token, s.slot(0, { end }));
    expect(res.status).toBe(400);
    expect(res.json.error.details.issues).toEqual([{ path: "end", message: expect.any(String) }]);
    const staff = await api.create(s.admin.token, s.slot(0, { end, client: { name: "Walk-in" } }));
    expect(staff.status).toBe(201);
    expect(Date.parse(staff.json.end)).toBe(Date.parse(end));
  });
});

describe("POST /appointments: staff book for a client", () => {
  it("books for an existing client", async () => {
    const s = await bookingScene();
    const client = await makeClient("Existing Person");
    const res = await api.create(s.manager.token, s.slot(30, { clientId: client.id }));
    expect(res.status).toBe(201);
    expect(res.json.client).toEqual({ id: client.id, name: "Existing Person", phone: null, email: null });
    expect(res.json.createdBy).toBe(s.manager.user.id);
  });

  it("creates a client given inline in the same transaction: a refused booking leaves no client", async () => {
    const s = await bookingScene();
    const db = await getDb();
    const inline = { name: "Inline Person", phone: "+7 900 000-00-00", email: "Inline@Example.test" };
    const refused = await api.create(s.admin.token, s.slot(-60, { client: inline }));
    expect(refused.json.error).toMatchObject({ code: "not_available", details: { reason: "outside_schedule" } });
    expect(await db.select().from(clients).where(eq(clients.name, "Inline Person"))).toHaveLength(0);
    const res = await api.create(s.admin.token, s.slot(0, { client: inline }));
    expect(res.status).toBe(201);
    expect(res.json.client).toMatchObject({
      name: "Inline Person",
      phone: "+7 900 000-00-00",
      email: "inline@example.test",
    });
  });

  it("asks for a client, and answers 404 for an unknown one", async () => {
    const s = await bookingScene();
    const none = await api.create(s.admin.token, s.slot(0));
    expect(none.status).toBe(400);
    const unknown = await api.create(s.admin.token, s.slot(0, { clientId: crypto.randomUUID() }));
    expect(unknown.status).toBe(404);
  });

  it("books past the horizon (staff only) but never in the past", async () => {
    const s = await bookingScene();
    const far = new Date(s.shiftStart.getTime() + 10 * DAY);
    await makeShift({
      workerId: s.worker.id,
      locationId: s.location.id,
      startAt: far,
      endAt: new Date(far.getTime() + 4 * 3_600_000),
    });
    const body = s.slot(0, { start: far.toISOString() });
    const client = await api.create(s.client.token, body);
    expect(client.json.error).toMatchObject({ code: "not_available", details: { reason: "beyond_horizon" } });
    expect((await api.create(s.admin.token, { ...body, client: { name: "Far" } })).status).toBe(201);
  });
});

describe("POST /appointments: what is not bookable", () => {
  it("answers not_available with the reason", async () => {
    const s = await bookingScene();
    await makeTimeOff(s.worker.id, shiftTime(s.shiftStart, 120), shiftTime(s.shiftStart, 180));
    const reasonOf = async (body: unknown) => (await api.create(s.client.token, body)).json.error?.details?.reason;
    expect(await reasonOf(s.slot(-30))).toBe("outside_schedule");
    expect(await reasonOf(s.slot(150))).toBe("time_off");
    expect(await reasonOf(s.slot(0, { start: new Date(Date.now() - 3_600_000).toISOString() }))).toBe("in_past");
    expect(await reasonOf(s.slot(90))).toBeUndefined();
    // Touching the time off is fine.
    expect((await api.create(s.client.token, s.slot(180))).status).toBe(201);
  });

  it("refuses a booking at another location than the worker's shift", async () => {
    const s = await bookingScene();
    const elsewhere = await makeLocation();
    const res = await api.create(s.client.token, s.slot(0, { locationId: elsewhere.id }));
    expect(res.json.error.details.reason).toBe("outside_schedule");
  });

  it("refuses a service the worker does not perform, and unknown references", async () => {
    const s = await bookingScene();
    const other = await makeService();
    expect((await api.create(s.client.token, s.slot(0, { serviceId: other.id }))).status).toBe(400);
    expect((await api.create(s.client.token, s.slot(0, { workerId: "no-such-worker" }))).status).toBe(404);
    expect((await api.create(s.client.token, s.slot(0, { serviceId: "no-such-service" }))).status).toBe(404);
  });

  it("answers slot_taken for an interval overlapping a booked one, and nothing changes", async () => {
    const s = await bookingScene();
    // Staff book at any minute; a client's start must be a slot's (off_grid otherwise), so the
    // client's is the one on the grid that overlaps.
    const staffBooked = await api.create(s.admin.token, s.slot(15, { client: { name: "Walk-in" } }));
    expect(staffBooked.status).toBe(201);
    const res = await api.create(s.otherClient.token, s.slot(0));
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "slot_taken", details: { conflict: "worker" } });
    const db = await getDb();
    expect(await db.select().from(appointments).where(eq(appointments.workerId, s.worker.id))).toHaveLength(1);
  });

  it("validates the body", async () => {
    const s = await bookingScene();
    const res = await api.create(s.client.token, { start: "tomorrow", clientId: 5 });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    const bad = await api.create(s.client.token, s.slot(0, { end: s.slot(-30).start }));
    expect(bad.json.error.details.issues).toEqual([{ path: "end", message: "The end must be after the start." }]);
  });
});

describe("POST /appointments: rooms", () => {
  it("books a room without a worker whenever it is free, and refuses an overlap", async () => {
    const s = await bookingScene();
    const room = await makeLocation({ kind: "room" });
    const start = shiftTime(s.shiftStart, 0);
    const body = { locationId: room.slug, start: start.toISOString(), end: shiftTime(start, 90).toISOString() };
    const res = await api.create(s.client.token, body);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ worker: null, service: null, location: { id: room.id }, price: 0 });
    const overlap = await api.create(s.otherClient.token, {
      ...body,
      start: shiftTime(start, 60).toISOString(),
      end: shiftTime(start, 120).toISOString(),
    });
    expect(overlap.json.error).toMatchObject({ code: "slot_taken", details: { conflict: "location" } });
    const past = await api.create(s.client.token, { ...body, start: new Date(Date.now() - 60_000).toISOString() });
    expect(past.json.error.details.reason).toBe("in_past");
  });

  it("takes the length and price of a room service, and refuses a workplace without a worker", async () => {
    const s = await bookingScene();
    const room = await makeLocation({ kind: "room" });
    const hour = await makeService({ durationMinutes: 60, price: 500 });
    const start = shiftTime(s.shiftStart, 0).toISOString();
    const res = await api.create(s.client.token, { locationId: room.id, serviceId: hour.id, start });
    expect(res.status).toBe(201);
    expect(res.json.price).toBe(500);
    expect(Date.parse(res.json.end) - Date.parse(start)).toBe(3_600_000);
    const workplace = await api.create(s.client.token, { locationId: s.location.id, serviceId: hour.id, start });
    expect(workplace.status).toBe(400);
  });

  it("keeps a room beyond ninety days from clients", async () => {
    const s = await bookingScene();
    const room = await makeLocation({ kind: "room" });
    const start = new Date(Date.now() + 100 * DAY);
    const body = {
      locationId: room.id,
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
    };
    expect((await api.create(s.client.token, body)).json.error.details.reason).toBe("beyond_horizon");
    expect((await api.create(s.admin.token, { ...body, client: { name: "Far" } })).status).toBe(201);
  });
});

describe("Idempotency-Key", () => {
  it("answers a retry with the first booking, and books once", async () => {
    const s = await bookingScene();
    const headers = { "idempotency-key": crypto.randomUUID() };
    const first = await api.create(s.client.token, s.slot(0), headers);
    const retry = await api.create(s.client.token, s.slot(0), headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    const db = await getDb();
    expect(await db.select().from(appointments).where(eq(appointments.workerId, s.worker.id))).toHaveLength(1);
  });

  it("refuses the same key with another body, and keys belong to one caller", async () => {
    const s = await bookingScene();
    const headers = { "idempotency-key": "order-42" };
    expect((await api.create(s.client.token, s.slot(0), headers)).status).toBe(201);
    const other = await api.create(s.client.token, s.slot(60), headers);
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe("idempotency_key_reused");
    // Another caller's identical key is theirs alone.
    expect((await api.create(s.otherClient.token, s.slot(60), headers)).status).toBe(201);
  });

  it("remembers no failure: a retry after slot_taken tries again", async () => {
    const s = await bookingScene();
    const taken = await api.create(s.otherClient.token, s.slot(0));
    const headers = { "idempotency-key": crypto.randomUUID() };
    expect((await api.create(s.client.token, s.slot(0), headers)).status).toBe(409);
    await api.cancel(s.otherClient.token, taken.json.id);
    expect((await api.create(s.client.token, s.slot(0), headers)).status).toBe(201);
  });

  it("refuses a malformed key", async () => {
    const s = await bookingScene();
    const res = await api.create(s.client.token, s.slot(0), { "idempotency-key": "has spaces" });
    expect(res.status).toBe(400);
    expect(res.json.error.details.issues[0].path).toBe("Idempotency-Key");
  });
});

describe("PATCH /appointments/{id}", () => {
  it("reschedules to a free interval, keeping the length, with an audit row", async () => {
    const s = await bookingScene();
    const { json: a } = await api.create(s.client.token, s.slot(0));
    const res = await api.patch(s.client.token, a.id, { start: shiftTime(s.shiftStart, 120).toISOString() });
    expect(res.status).toBe(200);
    expect(Date.parse(res.json.start)).toBe(shiftTime(s.shiftStart, 120).getTime());
    expect(Date.parse(res.json.end)).toBe(shiftTime(s.shiftStart, 150).getTime());
    // The old interval is free now.
    expect((await api.create(s.otherClient.token, s.slot(0))).status).toBe(201);
    const audit = await auditOf(a.id);
    expect(audit.map((r) => r.action).sort()).toEqual(["appointment.create", "appointment.reschedule"]);
    expect(audit.find((r) => r.action === "appointment.reschedule")).toMatchObject({
      before: { start: a.start },
      after: { start: res.json.start },
    });
  });

  it("keeps the old interval booked when the new one is refused", async () => {
    const s = await bookingScene();
    const { json: a } = await api.create(s.client.token, s.slot(0));
    await api.create(s.otherClient.token, s.slot(60));
    // Staff move to any minute; +45 overlaps the other client's +60.
    const taken = await api.patch(s.admin.token, a.id, { start: shiftTime(s.shiftStart, 45).toISOString() });
    expect(taken.json.error.code).toBe("slot_taken");
    const outside = await api.patch(s.admin.token, a.id, { start: shiftTime(s.shiftStart, -60).toISOString() });
    expect(outside.json.error.details.reason).toBe("outside_schedule");
    const tooLong = await api.patch(s.admin.token, a.id, { end: new Date(Date.now() + 30 * 3_600_000).toISOString() });
    expect(tooLong.json.error.details.issues).toEqual([
      { path: "end", message: "An interval may be at most 25 hours long." },
    ]);
    expect((await api.get(s.client.token, a.id)).json.start).toBe(a.start);
    expect((await api.create(s.otherClient.token, s.slot(0))).json.error.code).toBe("slot_taken");
  });

  it("moves to another worker who performs the service", async () => {
    const s = await bookingScene();
    const { json: a } = await api.create(s.client.token, s.slot(0));
    const other = await bookingScene();
    const cabinet = await makeLocation();
    const colleague = await makeWorker({ locationId: cabinet.id }, [s.service.id]);
    await makeShift({
      workerId: colleague.id,
      locationId: cabinet.id,
      startAt: s.shiftStart,
      endAt: shiftTime(s.shiftStart, 240),
    });
    const res = await api.patch(s.admin.token, a.id, { workerId: colleague.slug });
    expect(res.status).toBe(200);
    expect(res.json.worker.id).toBe(colleague.id);
    expect(res.json.location.id).toBe(cabinet.id);
    const stranger = await api.patch(s.admin.token, a.id, { workerId: other.worker.id });
    expect(stranger.status).toBe(400);
  });

  it("lets staff set status and notes, each status change audited; clients may not set status", async () => {
    const s = await bookingScene();
    const { json: a } = await api.create(s.client.token, s.slot(0));
    expect((await api.patch(s.client.token, a.id, { status: "completed" })).status).toBe(403);
    expect((await api.patch(s.client.token, a.id, { notes: "ring twice" })).json.notes).toBe("ring twice");
    const done = await api.patch(s.admin.token, a.id, { status: "no_show" });
    expect(done.json.status).toBe("no_show");
    // A no-show frees the interval (only booked appointments hold one).
    expect((await api.create(s.otherClient.token, s.slot(0))).status).toBe(201);
    const audit = await auditOf(a.id);
    expect(audit.find((r) => r.action === "appointment.status")).toMatchObject({
      before: { status: "booked" },
      after: { status: "no_show" },
      actorId: s.admin.user.id,
    });
    // Back to booked would overlap the new booking.
    expect((await api.patch(s.admin.token, a.id, { status: "booked" })).json.error.code).toBe("slot_taken");
    expect((await api.patch(s.admin.token, a.id, {})).status).toBe(400);
  });
});

describe("POST /appointments/{id}/cancel", () => {
  it("cancels a client's future appointment and frees the interval at once", async () => {
    const s = await bookingScene();
    const { json: a } = await api.create(s.client.token, s.slot(0));
    const res = await api.cancel(s.client.token, a.id);
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("cancelled");
    expect(res.json.cancelledAt).not.toBeNull();
    expect((await api.create(s.otherClient.token, s.slot(0))).status).toBe(201);
    expect((await api.cancel(s.client.token, a.id)).json.status).toBe("cancelled");
    const audit = await auditOf(a.id);
    expect(audit.filter((r) => r.action === "appointment.cancel")).toHaveLength(1);
    expect((await api.patch(s.admin.token, a.id, { start: s.slot(60).start })).json.error.details.reason).toBe(
      "not_booked",
    );
  });

  it("refuses a client's own appointment that has started; staff may still cancel it", async () => {
    const s = await bookingScene();
    const own = await makeClient("Client One", s.client.user.id);
    const started = await makeAppointment({
      workerId: s.worker.id,
      locationId: s.location.id,
      serviceId: s.service.id,
      clientId: own.id,
      startAt: new Date(Date.now() - 600_000),
      endAt: new Date(Date.now() + 600_000),
    });
    const res = await api.cancel(s.client.token, started.id);
    expect(res.json.error).toMatchObject({ code: "not_available", details: { reason: "in_past" } });
    expect((await api.cancel(s.admin.token, started.id)).json.status).toBe("cancelled");
  });
});

describe("GET /appointments", () => {
  it("lists a client's own only, and filters and pages for staff", async () => {
    const s = await bookingScene();
    const mine = await api.create(s.client.token, s.slot(0));
    const theirs = await api.create(s.otherClient.token, s.slot(60));
    const cancelled = await api.create(s.otherClient.token, s.slot(120));
    await api.cancel(s.otherClient.token, cancelled.json.id);
    const ids = (res: { json: { items: { id: string }[] } }) => res.json.items.map((a) => a.id);

    expect(ids(await api.list(s.client.token))).toEqual([mine.json.id]);
    const staffAll = ids(await api.list(s.admin.token, `workerId=${s.worker.slug}`));
    expect(staffAll).toEqual([mine.json.id, theirs.json.id, cancelled.json.id]);
    expect(ids(await api.list(s.admin.token, `workerId=${s.worker.id}&status=cancelled`))).toEqual([cancelled.json.id]);
    expect(ids(await api.list(s.admin.token, `clientId=${theirs.json.client.id}`))).toEqual([
      theirs.json.id,
      cancelled.json.id,
    ]);
    expect(ids(await api.list(s.admin.token, `locationId=${s.location.id}&limit=1&offset=1`))).toEqual([
      theirs.json.id,
    ]);
    const from = shiftTime(s.shiftStart, 30).toISOString();
    const to = shiftTime(s.shiftStart, 120).toISOString();
    expect(
      ids(
        await api.list(
          s.admin.token,
          `workerId=${s.worker.id}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        ),
      ),
    ).toEqual([theirs.json.id]);
    const day = zonedDateOf(s.shiftStart, s.location.timezone);
    expect(ids(await api.list(s.admin.token, `workerId=${s.worker.id}&date=${day}`))).toContain(mine.json.id);
    expect(ids(await api.list(s.admin.token, `workerId=${s.worker.id}&date=${addDaysToDate(day, 2)}`))).toEqual([]);
    expect((await api.list(s.admin.token, "workerId=nobody")).json.error.details.issues[0].path).toBe("workerId");
    expect((await api.list(s.admin.token, "status=lost")).status).toBe(400);
    expect((await api.list(s.admin.token, `date=${day}&from=${day}`)).status).toBe(400);
  });
});
