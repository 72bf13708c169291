// GET /api/v1/locations/{ref}/schedule against a real database, with the clock fixed at Monday
// 2026-03-02 10:07 in Moscow (only Date is faked).
import { beforeAll, describe, expect, it } from "vitest";
import type { Location, Worker } from "@/db/schema";
import { zonedDateTimeToInstant } from "@/lib/time/zoned";
import { fixClock } from "@/testing/clock";
import { everyCaller, makeAppointment, makeClient, makeLocation, makeShift, makeWorker } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET } from "./route";

const NOW = new Date("2026-03-02T07:07:00Z");
const DAY = "2026-03-29";
const BERLIN = "Europe/Berlin";
const at = (time: string, date = DAY) => zonedDateTimeToInstant(date, time, BERLIN);

fixClock(NOW);

const schedule = (ref: string, query = "", token?: string) =>
  call(GET, "GET", `/api/v1/locations/${ref}/schedule?${query}`, { params: { ref }, token });

describe("GET /locations/{ref}/schedule", () => {
  let chair: Location;
  let anna: Worker;
  let boris: Worker;

  beforeAll(async () => {
    // A Berlin chair on the spring-forward day: 01:00 is followed by 03:00.
    chair = await makeLocation({ timezone: BERLIN });
    anna = await makeWorker({ name: "Anna", locationId: chair.id });
    boris = await makeWorker({ name: "Boris", locationId: chair.id });
    await makeShift({ workerId: anna.id, locationId: chair.id, startAt: at("00:00"), endAt: at("06:00") });
    await makeShift({ workerId: boris.id, locationId: chair.id, startAt: at("14:00"), endAt: at("18:00") });
    const client = await makeClient("Secret Client Name");
    const book = (workerId: string, from: string, to: string, cancelled = false) =>
      makeAppointment({
        workerId,
        locationId: chair.id,
        clientId: client.id,
        startAt: at(from),
        endAt: at(to),
        ...(cancelled ? { status: "cancelled" as const, cancelledAt: NOW } : {}),
      });
    await book(anna.id, "01:00", "03:30");
    await book(anna.id, "03:30", "04:00");
    await book(boris.id, "14:00", "15:00");
    await book(boris.id, "16:00", "17:00", true);
  });

  it("shows which worker holds the place when, and merged busy time, to anyone", async () => {
    for (const token of await everyCaller()) {
      const res = await schedule(chair.slug, `date=${DAY}`, token);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        date: DAY,
        timezone: BERLIN,
        shifts: [
          {
            start: `${DAY}T00:00:00+01:00`,
            end: `${DAY}T06:00:00+02:00`,
            worker: { id: anna.id, slug: anna.slug, name: "Anna" },
          },
          {
            start: `${DAY}T14:00:00+02:00`,
            end: `${DAY}T18:00:00+02:00`,
            worker: { id: boris.id, slug: boris.slug, name: "Boris" },
          },
        ],
        // 01:00+01:00 to 04:00+02:00 is two real hours; the cancelled 16:00 visit is free again.
        busy: [
          { start: `${DAY}T01:00:00+01:00`, end: `${DAY}T04:00:00+02:00` },
          { start: `${DAY}T14:00:00+02:00`, end: `${DAY}T15:00:00+02:00` },
        ],
      });
      expect(JSON.stringify(res.json)).not.toMatch(/Secret/);
    }
  });

  it("shows a room booked directly, without a worker", async () => {
    const hall = await makeLocation({ kind: "room", timezone: BERLIN });
    await makeAppointment({
      locationId: hall.id,
      startAt: at("10:00", "2026-03-02"),
      endAt: at("12:00", "2026-03-02"),
    });
    const res = await schedule(hall.id);
    expect(res.json).toEqual({
      date: "2026-03-02",
      timezone: BERLIN,
      shifts: [],
      busy: [{ start: "2026-03-02T10:00:00+01:00", end: "2026-03-02T12:00:00+01:00" }],
    });
  });

  it("answers 404 for an unknown location and 400 for a bad date", async () => {
    expect((await schedule("nowhere")).status).toBe(404);
    expect((await schedule(crypto.randomUUID())).status).toBe(404);
    expect((await schedule(chair.slug, "date=tomorrow")).status).toBe(400);
  });
});
