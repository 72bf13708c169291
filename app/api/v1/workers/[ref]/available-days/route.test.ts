// GET /api/v1/workers/{ref}/available-days against a real database (PGlite, or PostgreSQL with
// DATABASE_URL): each day of a month equals what GET /workers/{ref}/slots?date= answers for that
// day, in zones ahead of and behind UTC and across DST; the refusals are the slots'. The clock is
// fixed (only Date is faked) at Monday 2026-03-02 10:07 in Moscow.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as businessRoute from "@/app/api/v1/business/route";
import * as workerDays from "@/db/queries/worker-days";
import type { Location, Service, Worker } from "@/db/schema";
import { availableDaysSchema } from "@/lib/contract/available-days";
import { addDaysToDate, zonedDateTimeToInstant } from "@/lib/time/zoned";
import { fixClock } from "@/testing/clock";
import {
  everyCaller,
  makeAppointment,
  makeLocation,
  makeService,
  makeShift,
  makeTimeOff,
  makeWorker,
  userWithToken,
} from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET as slotsGET } from "../slots/route";
import { GET } from "./route";

vi.mock("@/db/queries/worker-days", async (original) => {
  const actual = await original<typeof import("@/db/queries/worker-days")>();
  return { ...actual, loadWorkerDays: vi.fn(actual.loadWorkerDays) };
});

const NOW = new Date("2026-03-02T07:07:00Z");
fixClock(NOW);

const availableDays = (ref: string, query: string, token?: string) =>
  call(GET, "GET", `/api/v1/workers/${encodeURIComponent(ref)}/available-days?${query}`, { params: { ref }, token });
const slots = (ref: string, query: string) =>
  call(slotsGET, "GET", `/api/v1/workers/${ref}/slots?${query}`, { params: { ref } });

type Day = { date: string; slots: number; first: string | null };

/** Every day of `from`..`to` from the slots endpoint, one request per day. */
async function daysFromSlots(ref: string, service: string, from: string, to: string): Promise<Day[]> {
  const days: Day[] = [];
  for (let date = from; date <= to; date = addDaysToDate(date, 1)) {
    const res = await slots(ref, `service=${service}&date=${date}`);
    expect(res.status).toBe(200);
    days.push({ date, slots: res.json.slots.length, first: res.json.slots[0]?.start ?? null });
  }
  return days;
}

/** A month of varied shifts (days off, night shifts, split days) with bookings, time off and others' bookings. */
async function busyMonth(zone: string, worker: Worker, location: Location, month: string) {
  const at = (date: string, time: string) => zonedDateTimeToInstant(date, time, zone);
  const other = await makeWorker({ locationId: location.id });
  const first = `${month}-01`;
  for (let i = 0; i < 31; i++) {
    const date = addDaysToDate(first, i);
    if (!date.startsWith(month)) break;
    if (i % 7 === 6) continue;
    const night = i % 5 === 0;
    const from = night ? "00:00" : "09:00";
    const to = night ? "06:00" : i % 3 === 0 ? "13:30" : "18:00";
    await makeShift({ workerId: worker.id, locationId: location.id, startAt: at(date, from), endAt: at(date, to) });
    if (i % 4 === 1) {
      // A fully booked day.
      await makeAppointment({
        workerId: worker.id,
        locationId: location.id,
        startAt: at(date, from),
        endAt: at(date, to),
      });
    } else if (i % 4 === 2) {
      await makeAppointment({
        workerId: worker.id,
        locationId: location.id,
        startAt: at(date, "10:00"),
        endAt: at(date, "10:45"),
      });
      await makeTimeOff(worker.id, at(date, "13:00"), at(date, "14:00"));
    } else if (i % 4 === 3) {
      // Someone else's appointment at the same place takes the place.
      await makeAppointment({
        workerId: other.id,
        locationId: location.id,
        startAt: at(date, "09:00"),
        endAt: at(date, "12:00"),
      });
    }
  }
}

describe("GET /workers/{ref}/available-days", () => {
  let location: Location;
  let service: Service;
  let worker: Worker;

  beforeAll(async () => {
    location = await makeLocation({ timezone: "Europe/Moscow" });
    service = await makeService({ durationMinutes: 30 });
    worker = await makeWorker({ locationId: location.id, bookingHorizonDays: 20, slotStepMinutes: 20 }, [service.id]);
    await busyMonth("Europe/Moscow", worker, location, "2026-03");
  });

  it("answers every caller with every day of the range, each as the slots endpoint lists that day", async () => {
    const expected = await daysFromSlots(worker.slug, service.slug, "2026-03-01", "2026-03-31");
    expect(expected.filter((d) => d.slots > 0).length).toBeGreaterThan(8);
    expect(expected.some((d) => d.slots === 0 && d.date > "2026-03-02" && d.date < "2026-03-22")).toBe(true);
    for (const token of await everyCaller()) {
      const res = await availableDays(worker.slug, `service=${service.slug}&from=2026-03-01&to=2026-03-31`, token);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ timezone: "Europe/Moscow", days: expected });
    }
    // Described exactly by the contract: no field more, none less.
    const res = await availableDays(worker.id, `service=${service.id}&from=2026-03-01&to=2026-03-31`);
    expect(availableDaysSchema.strict().safeParse(res.json).success).toBe(true);
    expect(Object.keys(res.json.days[0]).sort()).toEqual(["date", "first", "slots"]);
  });

  it("reads everything in one statement", async () => {
    const load = vi.mocked(workerDays.loadWorkerDays);
    load.mockClear();
    await availableDays(worker.slug, `service=${service.slug}&from=2026-03-01&to=2026-03-31`);
    await availableDays(worker.slug, `service=${service.slug}`);
    expect(load).not.toHaveBeenCalled();
  });

  it("greys out today once its last slot has started, and the days past the horizon", async () => {
    const res = await availableDays(worker.slug, `service=${service.slug}&from=2026-03-01&to=2026-03-31`);
    const byDate = new Map(res.json.days.map((d: Day) => [d.date, d]));
    expect(byDate.get("2026-03-01")).toEqual({ date: "2026-03-01", slots: 0, first: null });
    // Today (i = 1) is fully booked; the horizon of 20 days ends with 2026-03-22.
    expect(byDate.get("2026-03-02")).toEqual({ date: "2026-03-02", slots: 0, first: null });
    for (const d of res.json.days as Day[]) if (d.date > "2026-03-22") expect(d.slots).toBe(0);
  });

  it("defaults to today through the horizon, as the slots do", async () => {
    const res = await availableDays(worker.slug, `service=${service.slug}`);
    expect(res.json.days.map((d: Day) => d.date)).toEqual(
      Array.from({ length: 21 }, (_, i) => addDaysToDate("2026-03-02", i)),
    );
    const fromOnly = await availableDays(worker.slug, `service=${service.slug}&from=2026-03-10`);
    expect(fromOnly.json.days.at(0).date).toBe("2026-03-10");
    expect(fromOnly.json.days.at(-1).date).toBe("2026-03-22");
  });

  it.each([
    ["Europe/Berlin", "2026-03", 30], // spring forward on the 29th
    ["America/Los_Angeles", "2026-03", 40], // behind UTC, spring forward on the 8th
    ["Pacific/Auckland", "2026-04", 60], // ahead of UTC, fall back on 5 April
    ["Asia/Tokyo", "2026-04", 60],
  ])("in %s, %s matches the slots day by day", async (zone, month, horizon) => {
    const here = await makeLocation({ timezone: zone });
    const svc = await makeService({ durationMinutes: 45 });
    const w = await makeWorker({ locationId: here.id, bookingHorizonDays: horizon }, [svc.id]);
    await busyMonth(zone, w, here, month);
    const from = `${month}-01`;
    const to = addDaysToDate(`${addDaysToDate(from, 31).slice(0, 7)}-01`, -1);
    const res = await availableDays(w.slug, `service=${svc.slug}&from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.json.timezone).toBe(zone);
    const expected = await daysFromSlots(w.slug, svc.slug, from, to);
    expect(expected.some((d) => d.slots > 0)).toBe(true);
    expect(res.json.days).toEqual(expected);
  });

  it("reads the days of a worker without a home location in their shifts' zone", async () => {
    const berlin = await makeLocation({ timezone: "Europe/Berlin" });
    const roaming = await makeWorker({}, [service.id]);
    const at = (time: string) => zonedDateTimeToInstant("2026-03-03", time, "Europe/Berlin");
    await makeShift({ workerId: roaming.id, locationId: berlin.id, startAt: at("23:00"), endAt: at("24:00") });
    const res = await availableDays(roaming.slug, `service=${service.slug}&from=2026-03-03&to=2026-03-04`);
    expect(res.json).toEqual({
      timezone: "Europe/Berlin",
      days: [
        { date: "2026-03-03", slots: 2, first: "2026-03-03T23:00:00+01:00" },
        { date: "2026-03-04", slots: 0, first: null },
      ],
    });
  });

  it("answers again from what it remembered, until a booking or a time off changes the rows", async () => {
    const ask = async () =>
      (await availableDays(worker.slug, `service=${service.slug}&from=2026-03-01&to=2026-03-31`)).json;
    const before = await ask();
    expect(await ask()).toEqual(before);
    // 2026-03-11 (i = 10) is a night shift 00:00-06:00: book its first hour, then take the rest off.
    const day = (json: typeof before) => json.days.find((d: Day) => d.date === "2026-03-11");
    expect(day(before)).toMatchObject({ first: "2026-03-11T00:00:00+03:00" });
    const at = (time: string) => zonedDateTimeToInstant("2026-03-11", time, "Europe/Moscow");
    await makeAppointment({ workerId: worker.id, locationId: location.id, startAt: at("00:00"), endAt: at("01:00") });
    const booked = await ask();
    expect(day(booked)).toMatchObject({ first: "2026-03-11T01:00:00+03:00" });
    expect(booked.days).toEqual(await daysFromSlots(worker.slug, service.slug, "2026-03-01", "2026-03-31"));
    await makeTimeOff(worker.id, at("01:00"), at("06:00"));
    expect(day(await ask())).toEqual({ date: "2026-03-11", slots: 0, first: null });
  });

  it("leaves out the starts inside the business's minimum notice for clients, not for staff", async () => {
    const manager = await userWithToken("manager");
    const admin = await userWithToken("admin");
    const client = await userWithToken("client");
    const setNotice = async (minNoticeMinutes: number) => {
      const res = await call(businessRoute.PATCH, "PATCH", "/api/v1/business", {
        token: manager.token,
        body: { policy: { minNoticeMinutes } },
      });
      expect(res.status).toBe(200);
    };
    const query = `service=${service.slug}&from=2026-03-02&to=2026-03-05`;
    const free = (await availableDays(worker.slug, query)).json.days;
    expect(free.find((d: Day) => d.date === "2026-03-03").slots).toBeGreaterThan(0);
    // 34 hours from Monday 10:07: nothing before Tuesday 20:07, after that Tuesday's shift.
    await setNotice(34 * 60);
    try {
      for (const token of [undefined, client.token]) {
        const held = (await availableDays(worker.slug, query, token)).json.days;
        expect(held).toEqual(
          free.map((d: Day) => (d.date <= "2026-03-03" ? { date: d.date, slots: 0, first: null } : d)),
        );
      }
      for (const token of [admin.token, manager.token]) {
        expect((await availableDays(worker.slug, query, token)).json.days).toEqual(free);
      }
    } finally {
      await setNotice(0);
    }
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
      const res = await availableDays(ref, `service=${svc}&from=2026-03-01&to=2026-03-31`);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
  });

  it("answers 400 on `service` for a service the worker does not perform", async () => {
    const elsewhere = await makeService();
    const res = await availableDays(worker.slug, `service=${elsewhere.slug}&from=2026-03-01&to=2026-03-31`);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "validation_failed", details: { issues: [{ path: "service" }] } });
  });

  it.each([
    ["from=2026-03-01&to=2026-03-31", ["service"]],
    ["service=x&from=2026-13-01&to=2026-03-31", ["from"]],
    ["service=x&from=2026-02-30", ["from"]],
    ["service=x&from=03.2026", ["from"]],
    ["service=x&from=2026-03&to=2026-03-31", ["from"]],
    ["service=x&from=2026-03-05&to=2026-03-04", ["to"]],
    ["service=x&from=2026-03-01&to=2026-05-02", ["to"]],
    ["service=x%00&from=2026-03-01", ["service"]],
    ["service=&from=2026-03-01", ["service"]],
  ])("answers 400 validation_failed for %s", async (query, paths) => {
    const res = await availableDays(worker.slug, query);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.details.issues.map((i: { path: string }) => i.path)).toEqual(paths);
  });

  it("accepts exactly 62 days, and refuses a lone `to` before today or more than 62 days ahead", async () => {
    const ok = await availableDays(worker.slug, `service=${service.slug}&from=2026-03-01&to=2026-05-01`);
    expect(ok.status).toBe(200);
    expect(ok.json.days).toHaveLength(62);
    expect((await availableDays(worker.slug, `service=${service.slug}&to=2026-03-01`)).status).toBe(400);
    expect((await availableDays(worker.slug, `service=${service.slug}&to=2026-05-03`)).status).toBe(400);
  });

  it("answers odd bytes in the ref or the query with 4xx, never 5xx", async () => {
    for (const [ref, query] of [
      ["\u0000", `service=${service.slug}`],
      ["%FF%FE", `service=${service.slug}`],
      ["a".repeat(500), `service=${service.slug}`],
      [worker.slug, "service=%FF%FE&from=2026-03-01"],
      [worker.slug, "service=%E0%A4%A&from=%00"],
      [worker.slug, `service=${service.slug}&from=2026-03-01%00`],
    ] as const) {
      const res = await availableDays(ref, query);
      expect(res.status, `${ref} ${query}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${ref} ${query}`).toBeLessThan(500);
      expect(res.json.error.code).toEqual(expect.any(String));
    }
  });
});
