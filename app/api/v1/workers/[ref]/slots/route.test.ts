// GET /api/v1/workers/{ref}/slots against a real database. The clock is fixed (only Date is faked)
// at Monday 2026-03-02 10:07 in Moscow, so "past" and "horizon" are exact; expectations are
// absolute instants formatted in the location's zone, so they hold under any host TZ.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { type Location, type Service, services, type Worker, workers } from "@/db/schema";
import { zonedDateTimeToInstant } from "@/lib/time/zoned";
import { fixClock } from "@/testing/clock";
import {
  everyCaller,
  makeAppointment,
  makeLocation,
  makeService,
  makeShift,
  makeTimeOff,
  makeWorker,
} from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET } from "./route";

const NOW = new Date("2026-03-02T07:07:00Z");
const MSK = "Europe/Moscow";
const msk = (date: string, time: string) => zonedDateTimeToInstant(date, time, MSK);

fixClock(NOW);

const slots = (ref: string, query: string, token?: string) =>
  call(GET, "GET", `/api/v1/workers/${ref}/slots?${query}`, { params: { ref }, token });
const starts = (json: { slots: { start: string }[] }) => json.slots.map((s) => s.start.slice(11, 16));

describe("GET /workers/{ref}/slots", () => {
  let location: Location;
  let service: Service;
  let worker: Worker;
  const shiftOn = (date: string, from = "09:00", to = "12:00", w = worker, at = location) =>
    makeShift({ workerId: w.id, locationId: at.id, startAt: msk(date, from), endAt: msk(date, to) });

  beforeAll(async () => {
    location = await makeLocation({ timezone: MSK });
    service = await makeService({ durationMinutes: 30 });
    worker = await makeWorker({ locationId: location.id, bookingHorizonDays: 7 }, [service.id]);
    for (const date of ["2026-03-02", "2026-03-03", "2026-03-09", "2026-03-10"]) await shiftOn(date);
  });

  it("answers anonymous, client, admin and manager callers alike, in the location's zone", async () => {
    for (const token of await everyCaller()) {
      const res = await slots(worker.slug, `service=${service.slug}&date=2026-03-03`, token);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        timezone: MSK,
        slots: ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"].map((t, i, all) => ({
          start: `2026-03-03T${t}:00+03:00`,
          end: `2026-03-03T${all[i + 1] ?? "12:00"}:00+03:00`,
        })),
      });
    }
  });

  it("accepts ids as well as slugs for the worker and the service", async () => {
    const res = await slots(worker.id, `service=${service.id}&date=2026-03-03`);
    expect(res.status).toBe(200);
    expect(res.json.slots).toHaveLength(6);
  });

  it("leaves out the past: today's slots start after now (10:07)", async () => {
    const res = await slots(worker.slug, `service=${service.slug}&date=2026-03-02`);
    expect(starts(res.json)).toEqual(["10:30", "11:00", "11:30"]);
    expect((await slots(worker.slug, `service=${service.slug}&date=2026-03-01`)).json.slots).toEqual([]);
  });

  it("stops at the horizon: the 7th day after today is bookable, the 8th is not", async () => {
    expect((await slots(worker.slug, `service=${service.slug}&date=2026-03-09`)).json.slots).toHaveLength(6);
    expect((await slots(worker.slug, `service=${service.slug}&date=2026-03-10`)).json.slots).toEqual([]);
  });

  it("defaults to today through the horizon, and takes from/to", async () => {
    const all = await slots(worker.slug, `service=${service.slug}`);
    const days = all.json.slots.map((s: { start: string }) => s.start.slice(0, 10));
    expect([...new Set(days)]).toEqual(["2026-03-02", "2026-03-03", "2026-03-09"]);
    expect(all.json.slots).toHaveLength(3 + 6 + 6);
    const range = await slots(worker.slug, `service=${service.slug}&from=2026-03-03&to=2026-03-10`);
    expect(range.json.slots).toHaveLength(12);
    const fromOnly = await slots(worker.slug, `service=${service.slug}&from=2026-03-04`);
    expect(fromOnly.json.slots).toHaveLength(6);
    const pastHorizon = await slots(worker.slug, `service=${service.slug}&from=2026-03-20`);
    expect(pastHorizon.status).toBe(200);
    expect(pastHorizon.json.slots).toEqual([]);
  });

  it("reads the days of a worker without a home location in their shifts' zone", async () => {
    const berlin = await makeLocation({ timezone: "Europe/Berlin" });
    const roaming = await makeWorker({}, [service.id]);
    const at = (time: string) => zonedDateTimeToInstant("2026-03-03", time, "Europe/Berlin");
    await makeShift({ workerId: roaming.id, locationId: berlin.id, startAt: at("09:00"), endAt: at("10:00") });
    const res = await slots(roaming.slug, `service=${service.slug}&date=2026-03-03`);
    expect(res.json).toEqual({
      timezone: "Europe/Berlin",
      slots: [
        { start: "2026-03-03T09:00:00+01:00", end: "2026-03-03T09:30:00+01:00" },
        { start: "2026-03-03T09:30:00+01:00", end: "2026-03-03T10:00:00+01:00" },
      ],
    });
    const defaultDays = await slots(roaming.slug, `service=${service.slug}`);
    expect(defaultDays.json.slots).toHaveLength(2);
  });

  it("excludes the worker's booked appointments, time off and the location's other bookings", async () => {
    await shiftOn("2026-03-04");
    const other = await makeWorker({ locationId: location.id }, [service.id]);
    await makeAppointment({
      workerId: worker.id,
      locationId: location.id,
      startAt: msk("2026-03-04", "09:30"),
      endAt: msk("2026-03-04", "10:00"),
    });
    await makeTimeOff(worker.id, msk("2026-03-04", "11:00"), msk("2026-03-04", "11:30"));
    // Someone else's appointment at the same place, and a booking there with no worker at all.
    await makeAppointment({
      workerId: other.id,
      locationId: location.id,
      startAt: msk("2026-03-04", "10:00"),
      endAt: msk("2026-03-04", "10:30"),
    });
    await makeAppointment({
      locationId: location.id,
      startAt: msk("2026-03-04", "11:30"),
      endAt: msk("2026-03-04", "11:45"),
    });
    const res = await slots(worker.slug, `service=${service.slug}&date=2026-03-04`);
    expect(starts(res.json)).toEqual(["09:00", "10:30"]);
  });

  it("frees the interval of a cancelled appointment", async () => {
    const date = "2026-03-05";
    await shiftOn(date, "09:00", "10:00");
    const base = {
      workerId: worker.id,
      locationId: location.id,
      startAt: msk(date, "09:00"),
      endAt: msk(date, "09:30"),
    };
    await makeAppointment({ ...base, status: "cancelled", cancelledAt: NOW });
    expect(starts((await slots(worker.slug, `service=${service.slug}&date=${date}`)).json)).toEqual(["09:00", "09:30"]);
    await makeAppointment(base);
    expect(starts((await slots(worker.slug, `service=${service.slug}&date=${date}`)).json)).toEqual(["09:30"]);
  });

  it("steps by the worker's slot step and re-starts right after an off-grid booking", async () => {
    const stepper = await makeWorker({ locationId: location.id, slotStepMinutes: 15 }, [service.id]);
    const room = await makeLocation({ timezone: MSK });
    await shiftOn("2026-03-03", "14:00", "15:00", stepper, room);
    await makeAppointment({
      workerId: stepper.id,
      locationId: room.id,
      startAt: msk("2026-03-03", "14:00"),
      endAt: msk("2026-03-03", "14:20"),
    });
    const res = await slots(stepper.slug, `service=${service.slug}&date=2026-03-03`);
    expect(starts(res.json)).toEqual(["14:20", "14:30"]);
  });

  it("follows a worker's new zone and horizon and a service's new length at the next request", async () => {
    // The second and later requests read the rows over the range the first was planned with
    // (workerSlots): each change here makes that range wrong, and the answer must still be right.
    const db = await getDb();
    const berlin = await makeLocation({ timezone: "Europe/Berlin" });
    const own = await makeService({ durationMinutes: 60 });
    const mover = await makeWorker({ locationId: location.id, bookingHorizonDays: 7 }, [own.id]);
    const berlinAt = (date: string, time: string) => zonedDateTimeToInstant(date, time, "Europe/Berlin");
    await shiftOn("2026-03-06", "09:00", "11:00", mover);
    // The late one lies past the end of 2026-03-07 in Moscow, where the worker was at first.
    for (const [from, to] of [
      ["09:00", "11:00"],
      ["23:00", "23:45"],
    ] as const) {
      await makeShift({
        workerId: mover.id,
        locationId: berlin.id,
        startAt: berlinAt("2026-03-07", from),
        endAt: berlinAt("2026-03-07", to),
      });
    }
    const ask = async (date: string) => (await slots(mover.slug, `service=${own.slug}&date=${date}`)).json;
    expect(starts(await ask("2026-03-06"))).toEqual(["09:00", "10:00"]);
    expect(starts(await ask("2026-03-06"))).toEqual(["09:00", "10:00"]);

    await db.update(services).set({ durationMinutes: 30 }).where(eq(services.id, own.id));
    expect(starts(await ask("2026-03-06"))).toEqual(["09:00", "09:30", "10:00", "10:30"]);

    // Still at home in Moscow: the Berlin shifts read in Moscow time, the late one on the next day.
    const inMoscow = await ask("2026-03-07");
    expect(inMoscow.timezone).toBe(MSK);
    expect(starts(inMoscow)).toEqual(["11:00", "11:30", "12:00", "12:30"]);
    await db.update(workers).set({ locationId: berlin.id }).where(eq(workers.id, mover.id));
    const inBerlin = await ask("2026-03-07");
    expect(inBerlin.timezone).toBe("Europe/Berlin");
    expect(starts(inBerlin)).toEqual(["09:00", "09:30", "10:00", "10:30", "23:00"]);
    expect(inBerlin.slots[4]).toEqual({ start: "2026-03-07T23:00:00+01:00", end: "2026-03-07T23:30:00+01:00" });

    await db.update(workers).set({ bookingHorizonDays: 2 }).where(eq(workers.id, mover.id));
    expect((await ask("2026-03-07")).slots).toEqual([]);
  });

  it("answers 404 for unknown or inactive workers and services", async () => {
    const inactiveWorker = await makeWorker({ locationId: location.id, active: false }, [service.id]);
    const inactiveService = await makeService({ active: false });
    const byWorker = await makeWorker({ locationId: location.id }, [inactiveService.id]);
    for (const [ref, svc] of [
      ["nobody", service.slug],
      [crypto.randomUUID(), service.slug],
      [inactiveWorker.slug, service.slug],
      [worker.slug, "no-such-service"],
      [byWorker.slug, inactiveService.slug],
    ] as const) {
      const res = await slots(ref, `service=${svc}&date=2026-03-03`);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
  });

  it("answers 400 on `service` for a service the worker does not perform", async () => {
    const elsewhere = await makeService();
    const res = await slots(worker.slug, `service=${elsewhere.slug}&date=2026-03-03`);
    expect(res.status).toBe(400);
    expect(res.json.error.details.issues).toEqual([{ path: "service", message: expect.any(String) }]);
  });

  it.each([
    ["date=2026-03-03", ["service"]],
    ["service=x&date=2026-02-30", ["date"]],
    ["service=x&date=03.03.2026", ["date"]],
    ["service=x&date=2026-03-03&from=2026-03-03", ["date"]],
    ["service=x&from=2026-03-05&to=2026-03-04", ["to"]],
    ["service=x&from=2026-03-01&to=2026-05-02", ["to"]],
  ])("answers 400 validation_failed for %s", async (query, paths) => {
    const res = await slots(worker.slug, query);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.details.issues.map((i: { path: string }) => i.path)).toEqual(paths);
  });

  it("accepts exactly 62 days, and refuses a lone `to` before today or more than 62 days ahead", async () => {
    expect((await slots(worker.slug, `service=${service.slug}&from=2026-03-01&to=2026-05-01`)).status).toBe(200);
    expect((await slots(worker.slug, `service=${service.slug}&to=2026-03-01`)).status).toBe(400);
    expect((await slots(worker.slug, `service=${service.slug}&to=2026-05-03`)).status).toBe(400);
    expect((await slots(worker.slug, `service=${service.slug}&to=2026-05-02`)).status).toBe(200);
  });
});

describe("slots on DST change days, via the API", () => {
  let service: Service;
  beforeAll(async () => {
    service = await makeService({ durationMinutes: 60 });
  });

  it.each([
    ["Europe/Berlin", "2026-03-29", 5, "2026-03-20T12:00:00Z"],
    ["Europe/Berlin", "2026-10-25", 7, "2026-10-20T12:00:00Z"],
    ["America/New_York", "2026-03-08", 5, "2026-03-01T12:00:00Z"],
    ["America/New_York", "2026-11-01", 7, "2026-10-28T12:00:00Z"],
  ])("%s %s: a 00:00-06:00 night shift has %i hourly slots", async (zone, date, count, now) => {
    vi.setSystemTime(new Date(now));
    const location = await makeLocation({ timezone: zone });
    const worker = await makeWorker({ locationId: location.id, bookingHorizonDays: 14 }, [service.id]);
    const at = (time: string) => zonedDateTimeToInstant(date, time, zone);
    await makeShift({ workerId: worker.id, locationId: location.id, startAt: at("00:00"), endAt: at("06:00") });
    await makeShift({ workerId: worker.id, locationId: location.id, startAt: at("09:00"), endAt: at("18:00") });
    const res = await slots(worker.slug, `service=${service.slug}&date=${date}`);
    expect(res.json.timezone).toBe(zone);
    const local = res.json.slots.map((s: { start: string }) => s.start.slice(11, 16));
    expect(local).toHaveLength(count + 9);
    expect(local.slice(count)).toEqual(["09", "10", "11", "12", "13", "14", "15", "16", "17"].map((h) => `${h}:00`));
    expect(res.json.slots.at(-1).end.slice(11, 16)).toBe("18:00");
    for (const s of res.json.slots) expect(Date.parse(s.end) - Date.parse(s.start)).toBe(3_600_000);
  });
});
