import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { Location } from "@/db/schema";
import { makeAppointment, makeLocation, makeShift, makeTimeOff, makeWorker } from "@/testing/fixtures";
import { shiftTimeZones } from "./availability";
import { loadWorkerDays } from "./worker-days";

const db = await getDb();
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00Z`);
const DAY = { start: at("2030-01-07", "00:00"), end: at("2030-01-08", "00:00") };

/**
 * The executor with its statements counted: selects built (subqueries included), raw SQL executed,
 * and statements prepared on the session.
 */
function counting() {
  let statements = 0;
  const counted = <T extends object>(target: T, counts: (prop: string) => boolean): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof value !== "function" || !counts(String(prop))) return value;
        return (...args: unknown[]) => {
          statements++;
          return value.apply(t, args);
        };
      },
    });
  const session = counted(db._.session, (prop) => prop === "prepareQuery");
  const proxy = new Proxy(
    counted(db, (prop) => /^(select|execute)/.test(prop)),
    {
      get(t, prop, receiver) {
        return prop === "_" ? { ...db._, session } : Reflect.get(t, prop, receiver);
      },
    },
  );
  return { db: proxy, count: () => statements };
}

async function workerWithDays(locationId: string, index: number) {
  const worker = await makeWorker();
  for (const day of ["2030-01-06", "2030-01-07", "2030-01-08"]) {
    const hour = String(index).padStart(2, "0");
    await makeShift({ workerId: worker.id, locationId, startAt: at(day, `${hour}:00`), endAt: at(day, `${hour}:50`) });
    await makeTimeOff(worker.id, at(day, `${hour}:40`), at(day, `${hour}:45`));
    await makeAppointment({
      workerId: worker.id,
      locationId,
      startAt: at(day, `${hour}:00`),
      endAt: at(day, `${hour}:10`),
    });
  }
  return worker;
}

describe("loadWorkerDays", () => {
  let chair: Location;
  const ids: string[] = [];

  beforeAll(async () => {
    chair = await makeLocation();
    for (let i = 0; i < 6; i++) ids.push((await workerWithDays(chair.id, 8 + i)).id);
  });

  it("loads only the rows of the asked workers overlapping the range", async () => {
    const rows = await loadWorkerDays(db, ids.slice(0, 2), DAY);
    expect(rows.shifts.map((s) => [s.workerId, s.start.toISOString()])).toEqual([
      [ids[0], "2030-01-07T08:00:00.000Z"],
      [ids[1], "2030-01-07T09:00:00.000Z"],
    ]);
    expect(rows.shifts[0]?.location).toEqual({
      id: chair.id,
      slug: chair.slug,
      name: chair.name,
      kind: "workplace",
      timeZone: "Europe/Moscow",
    });
    expect(rows.timeOff).toHaveLength(2);
    expect(rows.workerAppointments.map((a) => a.workerId)).toEqual(ids.slice(0, 2));
    // Every booked appointment at the chair that day, the other workers' included.
    expect(rows.locationAppointments).toHaveLength(6);
  });

  it("treats the range as half-open and skips cancelled appointments", async () => {
    const first = ids[0] as string;
    const touching = await loadWorkerDays(db, [first], {
      start: at("2030-01-07", "08:50"),
      end: at("2030-01-07", "09:00"),
    });
    expect(touching.shifts).toEqual([]);
    expect(touching.timeOff).toEqual([]);
    await makeAppointment({
      workerId: first,
      locationId: chair.id,
      startAt: at("2030-01-07", "08:20"),
      endAt: at("2030-01-07", "08:30"),
      status: "cancelled",
      cancelledAt: new Date(),
    });
    const rows = await loadWorkerDays(db, [first], {
      start: at("2030-01-07", "08:15"),
      end: at("2030-01-07", "08:35"),
    });
    expect(rows.shifts).toHaveLength(1);
    expect(rows.workerAppointments).toEqual([]);
    expect(rows.locationAppointments).toEqual([]);
  });

  it("builds the same number of queries for one worker as for six (no N+1)", async () => {
    const one = counting();
    await loadWorkerDays(one.db, ids.slice(0, 1), DAY);
    const six = counting();
    const rows = await loadWorkerDays(six.db, ids, DAY);
    expect(rows.shifts).toHaveLength(6);
    expect(six.count()).toBe(one.count());
    expect(one.count()).toBe(1);
  });

  it("gives nothing, without a query, for no workers", async () => {
    const none = counting();
    expect(await loadWorkerDays(none.db, [], DAY)).toEqual({
      shifts: [],
      timeOff: [],
      workerAppointments: [],
      locationAppointments: [],
    });
    expect(none.count()).toBe(0);
  });
});

describe("shiftTimeZones", () => {
  it("takes the zone of each worker's first shift in the range", async () => {
    const [berlin, tokyo] = [
      await makeLocation({ timezone: "Europe/Berlin" }),
      await makeLocation({ timezone: "Asia/Tokyo" }),
    ];
    const worker = await makeWorker();
    const idle = await makeWorker();
    await makeShift({
      workerId: worker.id,
      locationId: tokyo.id,
      startAt: at("2030-02-01", "12:00"),
      endAt: at("2030-02-01", "13:00"),
    });
    await makeShift({
      workerId: worker.id,
      locationId: berlin.id,
      startAt: at("2030-02-01", "08:00"),
      endAt: at("2030-02-01", "09:00"),
    });
    const zones = await shiftTimeZones(db, [worker.id, idle.id], {
      start: at("2030-02-01", "00:00"),
      end: at("2030-02-02", "00:00"),
    });
    expect([...zones]).toEqual([[worker.id, "Europe/Berlin"]]);
  });
});
