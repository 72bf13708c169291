import { describe, expect, it } from "vitest";
import { withCallers } from "@/testing/catalog";
import { makeAppointment, makeLocation, makeShift, makeWorker } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET } from "./route";

const callers = withCallers();
const summary = (query: string, token: string | null = callers.admin) =>
  call(GET, "GET", `/api/v1/stats/summary?${query}`, { token: token ?? undefined });

const at = (iso: string, minutes: number) => ({
  startAt: new Date(iso),
  endAt: new Date(new Date(iso).getTime() + minutes * 60_000),
});

const EMPTY = {
  booked: 0,
  completed: 0,
  cancelled: 0,
  noShow: 0,
  noShowRate: 0,
  revenue: [],
  bookedMinutes: 0,
  shiftMinutes: 0,
  utilisation: 0,
};

describe("GET /api/v1/stats/summary", () => {
  it("counts, rates, revenue by currency and utilisation of the local days of the range, filtered", async () => {
    // Moscow is UTC+3 all year: the range 2–3 March runs from 1 March 21:00Z to 3 March 21:00Z.
    const place = await makeLocation({ timezone: "Europe/Moscow" });
    const elsewhere = await makeLocation({ timezone: "Europe/Moscow" });
    const anna = await makeWorker();
    const boris = await makeWorker();
    const a = { locationId: place.id, workerId: anna.id };
    await makeShift({ ...a, ...at("2026-03-02T06:00:00Z", 480) });
    // 21:00 on 3 March to 05:00 on the 4th: only the 180 minutes before local midnight count.
    await makeShift({ ...a, ...at("2026-03-03T18:00:00Z", 480) });
    // Before the range.
    await makeShift({ ...a, ...at("2026-03-01T06:00:00Z", 480) });
    await makeAppointment({ ...a, ...at("2026-03-02T07:00:00Z", 60), status: "completed", price: 1500.5 });
    await makeAppointment({ ...a, ...at("2026-03-02T09:00:00Z", 30), status: "completed", price: 20, currency: "USD" });
    await makeAppointment({ ...a, ...at("2026-03-02T10:00:00Z", 30), status: "no_show", price: 700 });
    await makeAppointment({ ...a, ...at("2026-03-03T07:00:00Z", 45), price: 1000 });
    await makeAppointment({
      ...a,
      ...at("2026-03-03T08:00:00Z", 60),
      status: "cancelled",
      cancelledAt: new Date("2026-03-01T00:00:00Z"),
    });
    // 00:30 on 4 March in Moscow: after the range although UTC is still on the 3rd.
    await makeAppointment({ ...a, ...at("2026-03-03T21:30:00Z", 30) });
    await makeAppointment({ locationId: place.id, workerId: boris.id, ...at("2026-03-02T07:00:00Z", 30) });

    const range = "from=2026-03-02&to=2026-03-03";
    const all = await summary(range);
    expect(all.status).toBe(200);
    expect(all.json).toEqual({
      booked: 2,
      completed: 2,
      cancelled: 1,
      noShow: 1,
      noShowRate: 0.3333,
      revenue: [
        { currency: "RUB", amount: 1500.5 },
        { currency: "USD", amount: 20 },
      ],
      bookedMinutes: 195,
      shiftMinutes: 660,
      utilisation: 0.2955,
    });
    expect((await summary(`${range}&workerId=${anna.slug}`)).json).toEqual({
      ...all.json,
      booked: 1,
      bookedMinutes: 165,
      utilisation: 0.25,
    });
    expect((await summary(`${range}&workerId=${boris.id}&locationId=${place.slug}`)).json).toEqual({
      ...EMPTY,
      booked: 1,
      bookedMinutes: 30,
    });
    expect((await summary(`${range}&locationId=${elsewhere.id}`)).json).toEqual(EMPTY);
    expect((await summary("from=2026-03-04&to=2026-03-04")).json).toEqual({
      ...EMPTY,
      booked: 1,
      bookedMinutes: 30,
      shiftMinutes: 300,
      utilisation: 0.1,
    });
  });

  it("answers 401 without credentials, 403 to a client, 400 to a bad range or a filter naming nothing", async () => {
    expect((await summary("from=2026-01-01&to=2026-01-02", null)).status).toBe(401);
    expect((await summary("from=2026-01-01&to=2026-01-02", callers.client)).status).toBe(403);
    expect((await summary("from=2026-01-01&to=2026-01-02", callers.manager)).status).toBe(200);
    const issues = async (query: string) => {
      const res = await summary(query);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
      return res.json.error.details.issues.map((i: { path: string }) => i.path).sort();
    };
    expect(await issues("")).toEqual(["from", "to"]);
    expect(await issues("from=2026-03-05&to=2026-03-01")).toEqual(["to"]);
    expect(await issues("from=2025-01-01&to=2026-01-02")).toEqual(["to"]);
    expect(await issues("from=2026-01-01&to=2026-01-02&workerId=nobody")).toEqual(["workerId"]);
    expect(await issues("from=2026-01-01&to=2026-01-02&locationId=nowhere")).toEqual(["locationId"]);
  });
});
