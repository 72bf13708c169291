import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DELETE as deleteShift, PATCH as patchShift } from "@/app/api/v1/shifts/[id]/route";
import { getDb } from "@/db/client";
import { appointments, auditLog, shifts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { findShiftConflicts, guardShiftWrite, violatedShiftConstraint } from "@/lib/schedule/shift-conflicts";
import { makeAppointment, makeLocation, makeShift, makeWorker, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET, POST } from "./route";

const db = await getDb();
const manager = await userWithToken("manager");
const admin = await userWithToken("admin");
const client = await userWithToken("client");

// Moscow is UTC+3 all year; 2030-01-07 is a Monday.
const at = (hhmm: string, day = "2030-01-07") => `${day}T${hhmm}:00+03:00`;
const instant = (hhmm: string, day?: string) => new Date(at(hhmm, day));

async function setup(kind: "workplace" | "room" = "workplace") {
  const location = await makeLocation({ kind });
  const worker = await makeWorker({ locationId: location.id });
  return { location, worker };
}

const post = (ref: string, body: unknown, token = manager.token) =>
  call(POST, "POST", `/api/v1/workers/${ref}/shifts`, { params: { ref }, body, token });
const patch = (id: string, body: unknown, token = manager.token) =>
  call(patchShift, "PATCH", `/api/v1/shifts/${id}`, { params: { id }, body, token });
const remove = (id: string, query = "", token = manager.token) =>
  call(deleteShift, "DELETE", `/api/v1/shifts/${id}${query}`, { params: { id }, token });

describe("POST /workers/{ref}/shifts", () => {
  it("creates a shift by worker slug and location slug, with an audit row", async () => {
    const { location, worker } = await setup();
    const res = await post(worker.slug, { locationId: location.slug, start: at("09:00"), end: at("17:00") });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      workerId: worker.id,
      locationId: location.id,
      start: "2030-01-07T09:00:00+03:00",
      end: "2030-01-07T17:00:00+03:00",
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, res.json.id));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["shift.create", manager.user.id]]);
  });

  it("answers 409 worker_busy for an overlap with the worker's own shift, listing it", async () => {
    const { location, worker } = await setup();
    const other = await makeLocation();
    const existing = await makeShift({
      workerId: worker.id,
      locationId: other.id,
      startAt: instant("08:00"),
      endAt: instant("10:00"),
    });
    const res = await post(worker.id, { locationId: location.id, start: at("09:59"), end: at("12:00") });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("worker_busy");
    expect(res.json.error.details.conflicts.map((s: { id: string }) => s.id)).toEqual([existing.id]);
    // Touching is not overlapping: [10:00, 12:00) follows [08:00, 10:00).
    expect((await post(worker.id, { locationId: location.id, start: at("10:00"), end: at("12:00") })).status).toBe(201);
  });

  it("answers 409 location_busy when another worker holds the workplace, but rooms allow overlap", async () => {
    const { location, worker } = await setup();
    const colleague = await makeWorker();
    const theirs = await makeShift({
      workerId: colleague.id,
      locationId: location.id,
      startAt: instant("09:00"),
      endAt: instant("13:00"),
    });
    const res = await post(worker.id, { locationId: location.id, start: at("12:00"), end: at("18:00") });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("location_busy");
    expect(res.json.error.details.conflicts).toEqual([expect.objectContaining({ id: theirs.id })]);

    const room = await setup("room");
    const roommate = await makeWorker();
    await makeShift({
      workerId: roommate.id,
      locationId: room.location.id,
      startAt: instant("09:00"),
      endAt: instant("13:00"),
    });
    const shared = await post(room.worker.id, { locationId: room.location.id, start: at("12:00"), end: at("18:00") });
    expect(shared.status).toBe(201);
  });

  it("turns an exclusion violation that raced past the check into the same 409s", async () => {
    const { location, worker } = await setup();
    const colleague = await makeWorker();
    await makeShift({
      workerId: worker.id,
      locationId: location.id,
      startAt: instant("09:00"),
      endAt: instant("12:00"),
    });
    const racing = (workerId: string) => () =>
      db
        .insert(shifts)
        .values({ workerId, locationId: location.id, startAt: instant("11:00"), endAt: instant("13:00") });
    const own = { workerId: worker.id, locationId: location.id, start: instant("11:00"), end: instant("13:00") };
    const refusal = (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return [e.code, (e.details?.conflicts as unknown[] | undefined)?.length];
    };
    expect(await guardShiftWrite(db, () => own, racing(worker.id)).then(() => null, refusal)).toEqual([
      "worker_busy",
      1,
    ]);
    const theirs = { ...own, workerId: colleague.id };
    const busy = await guardShiftWrite(db, () => theirs, racing(colleague.id)).then(() => null, refusal);
    expect(busy).toEqual(["location_busy", 1]);
    expect(violatedShiftConstraint(new Error("other"))).toBeUndefined();
    expect(await findShiftConflicts(db, { ...own, start: instant("12:00") })).toHaveLength(0);
  });

  it("validates the body and answers 404 for unknown workers and locations", async () => {
    const { location, worker } = await setup();
    const bad = async (body: unknown) => (await post(worker.id, body)).json.error?.details?.issues;
    expect(await bad({ locationId: location.id, start: at("10:00"), end: at("10:00") })).toEqual([
      { path: "end", message: "The end must be after the start." },
    ]);
    expect(await bad({ locationId: location.id, start: at("00:00"), end: at("02:00", "2030-01-08") })).toHaveLength(1);
    expect(await bad({ locationId: location.id, start: "2030-01-07T09:00", end: at("10:00") })).toHaveLength(1);
    expect(
      (await post("no-such-worker", { locationId: location.id, start: at("09:00"), end: at("10:00") })).status,
    ).toBe(404);
    expect((await post(worker.id, { locationId: "no-such-place", start: at("09:00"), end: at("10:00") })).status).toBe(
      404,
    );
  });

  it("is for managers only: anonymous 401, client and admin 403", async () => {
    const { location, worker } = await setup();
    const body = { locationId: location.id, start: at("09:00"), end: at("10:00") };
    expect((await call(POST, "POST", "/x", { params: { ref: worker.id }, body })).status).toBe(401);
    expect((await post(worker.id, body, client.token)).status).toBe(403);
    expect((await post(worker.id, body, admin.token)).status).toBe(403);
  });
});

describe("GET /workers/{ref}/shifts", () => {
  it("lists shifts overlapping [from, to) for anyone; dates read in the worker's timezone", async () => {
    const { location, worker } = await setup();
    const day = (d: string) => ({
      workerId: worker.id,
      locationId: location.id,
      startAt: instant("09:00", d),
      endAt: instant("17:00", d),
    });
    const [a, b, c] = [
      await makeShift(day("2030-01-07")),
      await makeShift(day("2030-01-08")),
      await makeShift(day("2030-01-09")),
    ];
    const list = (query: string) =>
      call(GET, "GET", `/api/v1/workers/${worker.slug}/shifts?${query}`, { params: { ref: worker.slug } });
    const ids = async (query: string) => (await list(query)).json.items.map((s: { id: string }) => s.id);
    expect(await ids("from=2030-01-07&to=2030-01-08")).toEqual([a?.id, b?.id]);
    expect(await ids("from=2030-01-07T16:59:00%2B03:00&to=2030-01-09T09:00:00%2B03:00")).toEqual([a?.id, b?.id]);
    expect(await ids("from=2030-01-09")).toEqual([c?.id]);
    expect(await ids("from=2030-01-07&limit=1&offset=1")).toEqual([b?.id]);
    expect(await ids("")).toEqual([]);
    expect((await list("from=2030-01-08&to=2030-01-07")).status).toBe(400);
    expect((await list("from=tomorrow")).status).toBe(400);
  });
});

describe("PATCH and DELETE /shifts/{id}", () => {
  async function bookedShift() {
    const { location, worker } = await setup();
    const shift = await makeShift({
      workerId: worker.id,
      locationId: location.id,
      startAt: instant("09:00"),
      endAt: instant("17:00"),
    });
    const appointment = await makeAppointment({
      workerId: worker.id,
      locationId: location.id,
      startAt: instant("15:00"),
      endAt: instant("16:00"),
    });
    return { location, worker, shift, appointment };
  }
  const statusOf = async (id: string) => (await db.select().from(appointments).where(eq(appointments.id, id)))[0];

  it("moves and resizes a shift when its appointments stay covered", async () => {
    const { shift } = await bookedShift();
    const res = await patch(shift.id, { start: at("12:00") });
    expect(res.status).toBe(200);
    expect([res.json.start, res.json.end]).toEqual(["2030-01-07T12:00:00+03:00", "2030-01-07T17:00:00+03:00"]);
  });

  it("refuses to shorten a shift out from under a booking, listing it, unless asked to cancel it", async () => {
    const { shift, appointment } = await bookedShift();
    const refused = await patch(shift.id, { end: at("15:30") });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("has_appointments");
    expect(refused.json.error.details.appointments).toEqual([
      expect.objectContaining({
        id: appointment.id,
        start: "2030-01-07T15:00:00+03:00",
        end: "2030-01-07T16:00:00+03:00",
      }),
    ]);
    expect((await db.select().from(shifts).where(eq(shifts.id, shift.id)))[0]?.endAt).toEqual(instant("17:00"));

    const done = await patch(shift.id, { end: at("15:30"), cancelAppointments: true });
    expect(done.status).toBe(200);
    const cancelled = await statusOf(appointment.id);
    expect([cancelled?.status, cancelled?.cancelledBy]).toEqual(["cancelled", manager.user.id]);
    expect(cancelled?.cancelledAt).toBeInstanceOf(Date);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, appointment.id));
    expect(audit.map((a) => a.action)).toEqual(["appointment.cancel"]);
  });

  it("moving a shift to another location orphans its bookings there", async () => {
    const { shift } = await bookedShift();
    const elsewhere = await makeLocation();
    const res = await patch(shift.id, { locationId: elsewhere.slug });
    expect(res.json.error.code).toBe("has_appointments");
  });

  it("refuses a PATCH into another shift with worker_busy, and a bad merged interval with 400", async () => {
    const { location, worker, shift } = await bookedShift();
    await makeShift({
      workerId: worker.id,
      locationId: location.id,
      startAt: instant("18:00"),
      endAt: instant("20:00"),
    });
    expect((await patch(shift.id, { end: at("19:00") })).json.error.code).toBe("worker_busy");
    expect((await patch(shift.id, { start: at("17:30") })).status).toBe(400);
    expect((await patch(shift.id, {})).status).toBe(400);
    expect((await patch(crypto.randomUUID(), { end: at("19:00") })).status).toBe(404);
  });

  it("keeps a shift with bookings on DELETE unless ?cancelAppointments=true", async () => {
    const { shift, appointment } = await bookedShift();
    const refused = await remove(shift.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error.details.appointments.map((a: { id: string }) => a.id)).toEqual([appointment.id]);
    expect((await remove(shift.id, "?cancelAppointments=maybe")).status).toBe(400);
    expect((await remove(shift.id, "?cancelAppointments=true")).status).toBe(204);
    expect(await db.select().from(shifts).where(eq(shifts.id, shift.id))).toEqual([]);
    expect((await statusOf(appointment.id))?.status).toBe("cancelled");
    expect((await remove(shift.id)).status).toBe(404);
  });

  it("deletes a shift whose bookings another shift still covers", async () => {
    const { location, worker } = await setup();
    const a = await makeShift({
      workerId: worker.id,
      locationId: location.id,
      startAt: instant("09:00"),
      endAt: instant("12:00"),
    });
    await makeAppointment({
      workerId: worker.id,
      locationId: location.id,
      startAt: instant("12:00"),
      endAt: instant("13:00"),
    });
    await makeShift({
      workerId: worker.id,
      locationId: location.id,
      startAt: instant("12:00"),
      endAt: instant("15:00"),
    });
    expect((await remove(a.id)).status).toBe(204);
  });

  it("is for managers only", async () => {
    const { shift } = await bookedShift();
    expect(
      (await call(patchShift, "PATCH", "/x", { params: { id: shift.id }, body: { end: at("18:00") } })).status,
    ).toBe(401);
    expect((await patch(shift.id, { end: at("18:00") }, admin.token)).status).toBe(403);
    expect((await remove(shift.id, "", client.token)).status).toBe(403);
    expect((await remove(shift.id, "", admin.token)).status).toBe(403);
  });
});
