// POST /appointments with `workerId: "any"` (API.md v1 extensions "Finding a time and booking"): the
// server books the free worker who performs the service with the fewest booked minutes that day;
// 409 no_worker_free when none is. PGlite by default, PostgreSQL with DATABASE_URL.
import { describe, expect, it } from "vitest";
import * as businessRoute from "@/app/api/v1/business/route";
import { appointmentsApi as api } from "@/testing/booking";
import {
  makeAppointment,
  makeClient,
  makeLocation,
  makeService,
  makeShift,
  makeTimeOff,
  makeWorker,
  userWithToken,
} from "@/testing/fixtures";
import { call } from "@/testing/http";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Two workers (ids in order: first, second) performing a 30-minute service, each at their own UTC
 * workplace (a workplace holds one worker's shift at a time) with a shift 09:00–17:00 UTC two days
 * from now, and callers.
 */
async function scene() {
  const service = await makeService({ durationMinutes: 30 });
  const made = [];
  for (let i = 0; i < 2; i++) {
    const location = await makeLocation({ timezone: "UTC" });
    made.push(await makeWorker({ locationId: location.id, bookingHorizonDays: 14 }, [service.id]));
  }
  made.sort((a, b) => (a.id < b.id ? -1 : 1));
  const [first, second] = made as [(typeof made)[0], (typeof made)[0]];
  const day = new Date(Math.floor(Date.now() / DAY) * DAY + 2 * DAY);
  const at = (hours: number, minutes = 0) => new Date(day.getTime() + hours * HOUR + minutes * MINUTE);
  for (const worker of made) {
    await makeShift({ workerId: worker.id, locationId: worker.locationId as string, startAt: at(9), endAt: at(17) });
  }
  const [client, otherClient, admin] = await Promise.all([
    userWithToken("client", "Any One"),
    userWithToken("client", "Any Two"),
    userWithToken("admin"),
  ]);
  const any = (start: Date, extra: Record<string, unknown> = {}) => ({
    workerId: "any",
    serviceId: service.id,
    start: start.toISOString(),
    ...extra,
  });
  /** A booked appointment of `worker` written straight to the table. */
  const booked = (worker: { id: string; locationId: string | null }, from: Date, to: Date) =>
    makeAppointment({
      workerId: worker.id,
      serviceId: service.id,
      locationId: worker.locationId as string,
      startAt: from,
      endAt: to,
    });
  return { service, first, second, at, client, otherClient, admin, any, booked };
}

const noWorkerFree = { code: "no_worker_free" };

describe('POST /appointments workerId "any"', () => {
  it("books the worker with the fewest booked minutes that day, then the other, then answers no_worker_free", async () => {
    const s = await scene();
    await s.booked(s.first, s.at(9), s.at(10));
    await s.booked(s.second, s.at(9), s.at(11));
    // Another day's bookings do not count.
    await makeAppointment({
      workerId: s.first.id,
      locationId: s.first.locationId as string,
      startAt: s.at(-14),
      endAt: s.at(-10),
    });
    const one = await api.create(s.client.token, s.any(s.at(12)));
    expect(one.status).toBe(201);
    expect(one.json.worker.id).toBe(s.first.id);
    expect(one.json.service.id).toBe(s.service.id);
    expect(Date.parse(one.json.end)).toBe(s.at(12, 30).getTime());
    const two = await api.create(s.otherClient.token, s.any(s.at(12)));
    expect(two.status).toBe(201);
    expect(two.json.worker.id).toBe(s.second.id);
    const three = await api.create(s.admin.token, s.any(s.at(12), { clientId: (await makeClient()).id }));
    expect(three.status).toBe(409);
    expect(three.json.error).toMatchObject(noWorkerFree);
  });

  it("breaks a tie by id", async () => {
    const s = await scene();
    const res = await api.create(s.client.token, s.any(s.at(10)));
    expect(res.status).toBe(201);
    expect(res.json.worker.id).toBe(s.first.id);
  });

  it("skips workers off, busy or not working then", async () => {
    const s = await scene();
    await makeTimeOff(s.first.id, s.at(13), s.at(14));
    const res = await api.create(s.client.token, s.any(s.at(13)));
    expect(res.json.worker?.id).toBe(s.second.id);
    // 17:00 is past both shifts.
    const late = await api.create(s.otherClient.token, s.any(s.at(17)));
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject(noWorkerFree);
  });

  it("holds a client to the slot grid; staff book any free minute", async () => {
    const s = await scene();
    const offGrid = await api.create(s.client.token, s.any(s.at(12, 10)));
    expect(offGrid.status).toBe(409);
    expect(offGrid.json.error).toMatchObject(noWorkerFree);
    const staff = await api.create(s.admin.token, s.any(s.at(12, 10), { clientId: (await makeClient()).id }));
    expect(staff.status).toBe(201);
    expect(staff.json.worker.id).toBe(s.first.id);
  });

  it("answers no_worker_free for a service nobody performs, 404 for an unknown one, 400 without serviceId", async () => {
    const s = await scene();
    const lonely = await makeService();
    const none = await api.create(s.client.token, s.any(s.at(10), { serviceId: lonely.id }));
    expect(none.status).toBe(409);
    expect(none.json.error).toMatchObject(noWorkerFree);
    const unknown = await api.create(s.client.token, s.any(s.at(10), { serviceId: "no-such-service" }));
    expect(unknown.status).toBe(404);
    const missing = await api.create(s.client.token, { workerId: "any", start: s.at(10).toISOString() });
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe("validation_failed");
  });

  it("answers not_available in_past for a start in the past", async () => {
    const s = await scene();
    const res = await api.create(s.client.token, s.any(new Date(Date.now() - HOUR)));
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "not_available", details: { reason: "in_past" } });
  });

  it("with locationId, only workers working there", async () => {
    const s = await scene();
    const elsewhere = await makeLocation({ timezone: "UTC" });
    const third = await makeWorker({ locationId: elsewhere.id }, [s.service.id]);
    await makeShift({ workerId: third.id, locationId: elsewhere.id, startAt: s.at(9), endAt: s.at(17) });
    const there = await api.create(s.client.token, s.any(s.at(11), { locationId: elsewhere.id }));
    expect(there.status).toBe(201);
    expect(there.json.worker.id).toBe(third.id);
    expect(there.json.location.id).toBe(elsewhere.id);
    const again = await api.create(s.otherClient.token, s.any(s.at(11), { locationId: elsewhere.id }));
    expect(again.json.error).toMatchObject(noWorkerFree);
  });

  it("replays an Idempotency-Key's answer, even once no worker is free", async () => {
    const s = await scene();
    await s.booked(s.second, s.at(15), s.at(15, 30));
    const headers = { "idempotency-key": `any-${s.first.id}` };
    const first = await api.create(s.client.token, s.any(s.at(15)), headers);
    expect(first.status).toBe(201);
    expect(first.json.worker.id).toBe(s.first.id);
    const retry = await api.create(s.client.token, s.any(s.at(15)), headers);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    expect(retry.json.id).toBe(first.json.id);
    const other = await api.create(s.client.token, s.any(s.at(16)), headers);
    expect(other.status).toBe(422);
  });

  it("refuses a client inside the business's minimum notice as any booking (not_available min_notice)", async () => {
    const s = await scene();
    const manager = await userWithToken("manager");
    const setNotice = async (minNoticeMinutes: number) => {
      const res = await call(businessRoute.PATCH, "PATCH", "/api/v1/business", {
        token: manager.token,
        body: { policy: { minNoticeMinutes } },
      });
      expect(res.status).toBe(200);
    };
    await setNotice(7 * 24 * 60);
    try {
      const client = await api.create(s.client.token, s.any(s.at(12)));
      expect(client.status).toBe(409);
      expect(client.json.error).toMatchObject({ code: "not_available", details: { reason: "min_notice" } });
      // Staff may book past the policy.
      const staff = await api.create(s.admin.token, s.any(s.at(12), { clientId: (await makeClient()).id }));
      expect(staff.status).toBe(201);
    } finally {
      await setNotice(0);
    }
  });
});
