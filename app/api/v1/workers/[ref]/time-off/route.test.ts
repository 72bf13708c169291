import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DELETE as deleteTimeOff } from "@/app/api/v1/time-off/[id]/route";
import { getDb } from "@/db/client";
import { appointments, auditLog, timeOff } from "@/db/schema";
import { makeAppointment, makeLocation, makeShift, makeTimeOff, makeWorker, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET, POST } from "./route";

const db = await getDb();
const manager = await userWithToken("manager");
const admin = await userWithToken("admin");
const client = await userWithToken("client");
const at = (hhmm: string, day = "2030-01-07") => `${day}T${hhmm}:00+03:00`;

async function setup() {
  const location = await makeLocation();
  const worker = await makeWorker({ locationId: location.id });
  return { location, worker };
}
const post = (ref: string, body: unknown, token = manager.token) =>
  call(POST, "POST", `/api/v1/workers/${ref}/time-off`, { params: { ref }, body, token });
const remove = (id: string, token = manager.token) =>
  call(deleteTimeOff, "DELETE", `/api/v1/time-off/${id}`, { params: { id }, token });

describe("/workers/{ref}/time-off and /time-off/{id}", () => {
  it("adds time off in the worker's timezone, lists it for anyone, and deletes it", async () => {
    const { worker } = await setup();
    const res = await post(worker.slug, { start: at("13:00"), end: at("14:00"), reason: " lunch " });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      workerId: worker.id,
      start: "2030-01-07T13:00:00+03:00",
      end: "2030-01-07T14:00:00+03:00",
      reason: "lunch",
    });
    const list = (query: string) =>
      call(GET, "GET", `/api/v1/workers/${worker.id}/time-off?${query}`, { params: { ref: worker.id } });
    expect((await list("")).json.items.map((t: { id: string }) => t.id)).toEqual([res.json.id]);
    expect((await list("from=2030-01-07&to=2030-01-07")).json.items).toHaveLength(1);
    expect((await list("from=2030-01-07T14:00:00Z")).json.items).toHaveLength(0);

    expect((await remove(res.json.id)).status).toBe(204);
    expect((await remove(res.json.id)).status).toBe(404);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, res.json.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["time_off.create", "time_off.delete"]);
  });

  it("refuses time off over booked appointments, listing them, unless asked to cancel them", async () => {
    const { location, worker } = await setup();
    await makeShift({
      workerId: worker.id,
      locationId: location.id,
      startAt: new Date(at("09:00")),
      endAt: new Date(at("18:00")),
    });
    const booked = await makeAppointment({
      workerId: worker.id,
      locationId: location.id,
      startAt: new Date(at("10:00")),
      endAt: new Date(at("11:00")),
    });
    // Ending exactly when the appointment starts does not touch it.
    expect((await post(worker.id, { start: at("09:00"), end: at("10:00") })).status).toBe(201);
    const refused = await post(worker.id, { start: at("10:30"), end: at("12:00"), reason: "sick" });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("has_appointments");
    expect(refused.json.error.details.appointments.map((a: { id: string }) => a.id)).toEqual([booked.id]);
    expect(await db.select().from(timeOff).where(eq(timeOff.reason, "sick"))).toEqual([]);

    const done = await post(worker.id, {
      start: at("10:30"),
      end: at("12:00"),
      reason: "sick",
      cancelAppointments: true,
    });
    expect(done.status).toBe(201);
    const [row] = await db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect([row?.status, row?.cancelledBy]).toEqual(["cancelled", manager.user.id]);
  });

  it("validates the interval: end after start, at most 366 days", async () => {
    const { worker } = await setup();
    expect((await post(worker.id, { start: at("10:00"), end: at("09:00") })).status).toBe(400);
    expect((await post(worker.id, { start: at("10:00"), end: at("10:00", "2031-01-09") })).status).toBe(400);
    expect((await post(worker.id, { start: at("10:00"), end: at("10:00", "2031-01-07") })).status).toBe(201);
    expect((await post("no-such-worker", { start: at("10:00"), end: at("11:00") })).status).toBe(404);
    expect((await remove("not-a-uuid")).status).toBe(400);
  });

  it("is written by managers only", async () => {
    const { worker } = await setup();
    const entry = await makeTimeOff(worker.id, new Date(at("12:00")), new Date(at("13:00")));
    const payload = { start: at("10:00"), end: at("11:00") };
    expect((await call(POST, "POST", "/x", { params: { ref: worker.id }, body: payload })).status).toBe(401);
    expect((await post(worker.id, payload, client.token)).status).toBe(403);
    expect((await post(worker.id, payload, admin.token)).status).toBe(403);
    expect((await call(deleteTimeOff, "DELETE", "/x", { params: { id: entry.id } })).status).toBe(401);
    expect((await remove(entry.id, admin.token)).status).toBe(403);
    expect((await remove(entry.id, client.token)).status).toBe(403);
  });
});
