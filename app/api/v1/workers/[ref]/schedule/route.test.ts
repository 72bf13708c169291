// GET /api/v1/workers/{ref}/schedule against a real database, with the clock fixed at Monday
// 2026-03-02 10:07 in Moscow (only Date is faked).
import { beforeAll, describe, expect, it } from "vitest";
import type { Location, Worker } from "@/db/schema";
import { zonedDateTimeToInstant } from "@/lib/time/zoned";
import { fixClock } from "@/testing/clock";
import {
  everyCaller,
  makeAppointment,
  makeClient,
  makeLocation,
  makeShift,
  makeTimeOff,
  makeWorker,
  userWithToken,
} from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET } from "./route";

const NOW = new Date("2026-03-02T07:07:00Z");
const MSK = "Europe/Moscow";
const DAY = "2026-03-03";
const msk = (time: string, date = DAY) => zonedDateTimeToInstant(date, time, MSK);
const local = (time: string, date = DAY) => `${date}T${time}:00+03:00`;

fixClock(NOW);

const schedule = (ref: string, query = "", token?: string) =>
  call(GET, "GET", `/api/v1/workers/${ref}/schedule?${query}`, { params: { ref }, token });

describe("GET /workers/{ref}/schedule", () => {
  let chair: Location;
  let room: Location;
  let worker: Worker;

  beforeAll(async () => {
    chair = await makeLocation({ timezone: MSK, name: "Chair 1" });
    room = await makeLocation({ timezone: MSK, kind: "room", name: "Hall" });
    worker = await makeWorker({ locationId: chair.id });
    const other = await makeWorker({ locationId: chair.id });
    await makeShift({ workerId: worker.id, locationId: chair.id, startAt: msk("09:00"), endAt: msk("13:00") });
    await makeShift({ workerId: worker.id, locationId: room.id, startAt: msk("15:00"), endAt: msk("18:00") });
    await makeTimeOff(worker.id, msk("12:00"), msk("13:00"));
    const client = await makeClient("Secret Client Name");
    const book = (values: { workerId?: string; locationId: string; from: string; to: string }) =>
      makeAppointment({ ...values, clientId: client.id, startAt: msk(values.from), endAt: msk(values.to) });
    await book({ workerId: worker.id, locationId: chair.id, from: "09:00", to: "09:30" });
    await book({ workerId: worker.id, locationId: chair.id, from: "09:30", to: "10:00" });
    // The hall booked directly while the worker's shift is there; the chair busy after the worker left.
    await book({ locationId: room.id, from: "16:00", to: "16:30" });
    await book({ workerId: other.id, locationId: chair.id, from: "19:00", to: "19:30" });
  });

  it("shows shifts, time off and merged busy time to anyone, never who booked", async () => {
    for (const token of await everyCaller()) {
      const res = await schedule(worker.slug, `date=${DAY}`, token);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        date: DAY,
        timezone: MSK,
        shifts: [
          { start: local("09:00"), end: local("13:00"), location: { id: chair.id, slug: chair.slug, name: "Chair 1" } },
          { start: local("15:00"), end: local("18:00"), location: { id: room.id, slug: room.slug, name: "Hall" } },
        ],
        timeOff: [{ start: local("12:00"), end: local("13:00") }],
        busy: [
          { start: local("09:00"), end: local("10:00") },
          { start: local("16:00"), end: local("16:30") },
        ],
      });
      expect(JSON.stringify(res.json)).not.toMatch(/Secret|client/i);
    }
  });

  it("defaults to today in the worker's zone and accepts the id", async () => {
    const res = await schedule(worker.id);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ date: "2026-03-02", shifts: [], timeOff: [], busy: [] });
  });

  it("shows a night shift that overlaps the day whole, not cut at midnight", async () => {
    await makeShift({
      workerId: worker.id,
      locationId: chair.id,
      startAt: msk("22:00", "2026-03-04"),
      endAt: msk("02:00", "2026-03-05"),
    });
    const res = await schedule(worker.slug, "date=2026-03-05");
    expect(res.json.shifts.map((s: { start: string; end: string }) => [s.start, s.end])).toEqual([
      [local("22:00", "2026-03-04"), local("02:00", "2026-03-05")],
    ]);
  });

  it("reads the day in the zone of a worker's shifts when they have no home location, else in UTC", async () => {
    const berlin = await makeLocation({ timezone: "Europe/Berlin" });
    const roaming = await makeWorker();
    const at = (time: string) => zonedDateTimeToInstant(DAY, time, "Europe/Berlin");
    await makeShift({ workerId: roaming.id, locationId: berlin.id, startAt: at("09:00"), endAt: at("17:00") });
    const res = await schedule(roaming.slug, `date=${DAY}`);
    expect(res.json).toMatchObject({ timezone: "Europe/Berlin", shifts: [{ start: `${DAY}T09:00:00+01:00` }] });
    const idle = await schedule((await makeWorker()).slug, `date=${DAY}`);
    expect(idle.json).toMatchObject({ timezone: "UTC", shifts: [] });
  });

  it("hides an inactive worker from all but staff", async () => {
    const retired = await makeWorker({ locationId: chair.id, active: false });
    expect((await schedule(retired.slug)).status).toBe(404);
    expect((await schedule(retired.slug, "", (await userWithToken("client")).token)).status).toBe(404);
    expect((await schedule(retired.slug, "", (await userWithToken("admin")).token)).status).toBe(200);
  });

  it("answers 404 for an unknown worker and 400 for a bad date", async () => {
    expect((await schedule("nobody")).status).toBe(404);
    const bad = await schedule(worker.slug, "date=2026-02-29");
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.issues).toEqual([{ path: "date", message: expect.any(String) }]);
  });
});
