import { describe, expect, it } from "vitest";
import { addDaysToDate, zonedDateOf } from "@/lib/time/zoned";
import { withCallers } from "@/testing/catalog";
import { makeAppointment, makeLocation, makeWorker } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET } from "./route";

const callers = withCallers();
const stats = (query: string, token = callers.admin) =>
  call(GET, "GET", `/api/v1/stats/appointments-per-day?${query}`, { token });

const at = (iso: string, minutes = 30) => ({
  startAt: new Date(iso),
  endAt: new Date(new Date(iso).getTime() + minutes * 60_000),
});

const counts = (res: { json: { items: { day: string; count: number }[] } }) =>
  Object.fromEntries(res.json.items.filter((i) => i.count > 0).map((i) => [i.day, i.count]));

describe("GET /api/v1/stats/appointments-per-day", () => {
  it("counts booked and completed appointments on their location's local day, every day of the range present", async () => {
    const moscow = await makeLocation({ timezone: "Europe/Moscow" });
    const newYork = await makeLocation({ timezone: "America/New_York" });
    // 01:30 on 3 March in Moscow, though UTC is still on the 2nd.
    await makeAppointment({ locationId: moscow.id, ...at("2026-03-02T22:30:00Z") });
    // 22:00 on 2 March in New York, though UTC is already on the 3rd.
    await makeAppointment({ locationId: newYork.id, ...at("2026-03-03T03:00:00Z"), status: "completed" });
    // Exactly local midnight belongs to the day it starts.
    await makeAppointment({ locationId: moscow.id, ...at("2026-03-03T21:00:00Z") });
    // Cancelled and no-show appointments are not counted.
    await makeAppointment({
      locationId: moscow.id,
      ...at("2026-03-02T10:00:00Z"),
      status: "cancelled",
      cancelledAt: new Date("2026-03-01T00:00:00Z"),
    });
    await makeAppointment({ locationId: moscow.id, ...at("2026-03-02T12:00:00Z"), status: "no_show" });
    // 22:00 on 28 February in New York is before the range, though UTC is already on 1 March.
    await makeAppointment({ locationId: newYork.id, ...at("2026-03-01T03:00:00Z") });
    // 1 March 00:10 in Moscow is inside although UTC is on 28 February.
    await makeAppointment({ locationId: moscow.id, ...at("2026-02-28T21:10:00Z") });

    const res = await stats("from=2026-03-01&to=2026-03-05");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      items: [
        { day: "2026-03-01", count: 1 },
        { day: "2026-03-02", count: 1 },
        { day: "2026-03-03", count: 1 },
        { day: "2026-03-04", count: 1 },
        { day: "2026-03-05", count: 0 },
      ],
    });
    expect(counts(await stats(`from=2026-03-01&to=2026-03-05&locationId=${moscow.slug}`))).toEqual({
      "2026-03-01": 1,
      "2026-03-03": 1,
      "2026-03-04": 1,
    });
    expect(counts(await stats(`from=2026-03-02&to=2026-03-02&locationId=${newYork.id}`))).toEqual({ "2026-03-02": 1 });
  });

  it("reads days across a DST change in the location's zone", async () => {
    const newYork = await makeLocation({ timezone: "America/New_York" });
    // 23:30 EST on 7 March, then 23:30 EDT on 8 March (clocks went forward at 02:00 that night).
    await makeAppointment({ locationId: newYork.id, ...at("2026-03-08T04:30:00Z") });
    await makeAppointment({ locationId: newYork.id, ...at("2026-03-09T03:30:00Z") });
    // 00:15 EDT on 9 March.
    await makeAppointment({ locationId: newYork.id, ...at("2026-03-09T04:15:00Z") });
    const res = await stats(`from=2026-03-07&to=2026-03-09&locationId=${newYork.id}`);
    expect(res.json.items).toEqual([
      { day: "2026-03-07", count: 1 },
      { day: "2026-03-08", count: 1 },
      { day: "2026-03-09", count: 1 },
    ]);
  });

  it("filters by worker, by id or slug, combined with the location", async () => {
    const location = await makeLocation({ timezone: "Asia/Tokyo" });
    const other = await makeLocation({ timezone: "Asia/Tokyo" });
    const anna = await makeWorker();
    const boris = await makeWorker();
    await makeAppointment({ locationId: location.id, workerId: anna.id, ...at("2026-04-01T01:00:00Z") });
    await makeAppointment({ locationId: location.id, workerId: anna.id, ...at("2026-04-01T02:00:00Z") });
    await makeAppointment({ locationId: other.id, workerId: anna.id, ...at("2026-04-02T02:00:00Z") });
    await makeAppointment({ locationId: location.id, workerId: boris.id, ...at("2026-04-01T03:00:00Z") });
    const range = "from=2026-04-01&to=2026-04-02";
    expect(counts(await stats(`${range}&workerId=${anna.slug}`))).toEqual({ "2026-04-01": 2, "2026-04-02": 1 });
    expect(counts(await stats(`${range}&workerId=${anna.id}&locationId=${location.slug}`))).toEqual({
      "2026-04-01": 2,
    });
    expect(counts(await stats(`${range}&workerId=${boris.id}`))).toEqual({ "2026-04-01": 1 });
  });

  it("agrees with counting each appointment's local date, over many zones and instants", async () => {
    const zones = ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "America/St_Johns", "Europe/London"];
    const places = await Promise.all(zones.map((timezone) => makeLocation({ timezone })));
    const expected = new Map<string, number>();
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    const base = Date.parse("2026-10-20T00:00:00Z");
    for (let i = 0; i < 60; i++) {
      const place = places[next() % places.length];
      if (!place) continue;
      // Distinct, non-overlapping 10-minute visits spread over about two weeks.
      const startAt = new Date(base + i * 331 * 60_000 + (next() % 300) * 60_000);
      await makeAppointment({ locationId: place.id, startAt, endAt: new Date(startAt.getTime() + 10 * 60_000) });
      const day = zonedDateOf(startAt, place.timezone);
      expected.set(day, (expected.get(day) ?? 0) + 1);
    }
    const from = "2026-10-19";
    const to = "2026-11-05";
    const res = await stats(`from=${from}&to=${to}`);
    const days = [];
    for (let day = from; day <= to; day = addDaysToDate(day, 1)) days.push({ day, count: expected.get(day) ?? 0 });
    expect(res.json.items).toEqual(days);
    expect(days.reduce((sum, d) => sum + d.count, 0)).toBe(60);
  });

  it("refuses a bad or too long range with 400 naming the parameter", async () => {
    const issues = async (query: string) => {
      const res = await stats(query);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
      return res.json.error.details.issues.map((i: { path: string }) => i.path).sort();
    };
    expect(await issues("")).toEqual(["from", "to"]);
    expect(await issues("from=2026-03-05&to=2026-03-01")).toEqual(["to"]);
    expect(await issues("from=2025-01-01&to=2026-01-02")).toEqual(["to"]);
    expect(await issues("from=2026-02-30&to=2026-03-01")).toEqual(["from"]);
    expect(await issues("from=soon&to=later")).toEqual(["from", "to"]);
    expect(await issues("from=2026-01-01&to=2026-01-02&workerId=nobody")).toEqual(["workerId"]);
    expect(await issues("from=2026-01-01&to=2026-01-02&locationId=nowhere")).toEqual(["locationId"]);
    expect(await issues("from=0001-01-01&to=0001-01-03")).toEqual(["from", "to"]);
    expect(await issues("from=9998-12-30&to=9999-12-31")).toEqual(["to"]);
    // The last days of the last year, and a leap year's 366 days, are allowed.
    expect((await stats("from=9998-12-01&to=9998-12-31")).json.items).toHaveLength(31);
    expect((await stats("from=2028-01-01&to=2028-12-31")).json.items).toHaveLength(366);
  });
});
