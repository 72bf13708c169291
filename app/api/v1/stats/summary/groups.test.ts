// GET /stats/summary?groupBy=day|worker: the reports page's per-day and per-worker bars, counted by the database.
import { describe, expect, it } from "vitest";
import { withCallers } from "@/testing/catalog";
import { makeAppointment, makeLocation, makeWorker } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET } from "./route";

const callers = withCallers();
const summary = (query: string) => call(GET, "GET", `/api/v1/stats/summary?${query}`, { token: callers.admin });

const at = (iso: string, minutes: number) => ({
  startAt: new Date(iso),
  endAt: new Date(new Date(iso).getTime() + minutes * 60_000),
});

const ZERO = { booked: 0, completed: 0, cancelled: 0, noShow: 0, bookedMinutes: 0, revenue: [] };

describe("GET /api/v1/stats/summary?groupBy=", () => {
  it("breaks the figures down per local day (every day) and per worker (by name, rooms under null)", async () => {
    // Los Angeles is UTC-8 in March before the 8th: 05:30Z on the 3rd is still the 2nd there.
    const place = await makeLocation({ timezone: "America/Los_Angeles" });
    const zoe = await makeWorker({ name: "Zoe Tester" });
    const adam = await makeWorker({ name: "Adam Tester" });
    const z = { locationId: place.id, workerId: zoe.id };
    await makeAppointment({
      ...z,
      ...at("2026-03-02T17:00:00Z", 60),
      status: "completed",
      price: 100,
      currency: "USD",
    });
    await makeAppointment({ ...z, ...at("2026-03-03T05:30:00Z", 30), status: "no_show", price: 50, currency: "USD" });
    await makeAppointment({ locationId: place.id, workerId: adam.id, ...at("2026-03-04T17:00:00Z", 45) });
    await makeAppointment({
      locationId: place.id,
      workerId: adam.id,
      ...at("2026-03-04T19:00:00Z", 45),
      status: "cancelled",
      cancelledAt: new Date("2026-03-01T00:00:00Z"),
    });
    // A room's booking: no worker.
    await makeAppointment({ locationId: place.id, ...at("2026-03-04T20:00:00Z", 30), status: "completed", price: 10 });

    const range = `from=2026-03-02&to=2026-03-04&locationId=${place.id}`;
    const byDay = await summary(`${range}&groupBy=day`);
    expect(byDay.status).toBe(200);
    expect(byDay.json.booked).toBe(1);
    expect(byDay.json.groups).toEqual([
      {
        ...ZERO,
        key: "2026-03-02",
        label: null,
        completed: 1,
        noShow: 1,
        bookedMinutes: 90,
        revenue: [{ currency: "USD", amount: 100 }],
      },
      { ...ZERO, key: "2026-03-03", label: null },
      {
        ...ZERO,
        key: "2026-03-04",
        label: null,
        booked: 1,
        cancelled: 1,
        completed: 1,
        bookedMinutes: 75,
        revenue: [{ currency: "RUB", amount: 10 }],
      },
    ]);

    const byWorker = await summary(`${range}&groupBy=worker`);
    expect(byWorker.json.groups).toEqual([
      { ...ZERO, key: adam.id, label: "Adam Tester", booked: 1, cancelled: 1, bookedMinutes: 45 },
      {
        ...ZERO,
        key: zoe.id,
        label: "Zoe Tester",
        completed: 1,
        noShow: 1,
        bookedMinutes: 90,
        revenue: [{ currency: "USD", amount: 100 }],
      },
      { ...ZERO, key: null, label: null, completed: 1, bookedMinutes: 30, revenue: [{ currency: "RUB", amount: 10 }] },
    ]);
    // Without groupBy the answer is API.md's, unchanged.
    expect((await summary(range)).json).not.toHaveProperty("groups");
    const bad = await summary(`${range}&groupBy=service`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.issues.map((i: { path: string }) => i.path)).toEqual(["groupBy"]);
  });
});
