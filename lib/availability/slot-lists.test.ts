// Remembered slot lists (lib/availability/slot-lists.ts) against a real database: a list asked for
// again is the same answer while nothing changed, and every kind of change, written straight to the
// tables as another instance, a script or a SQL session would, makes the next list fresh; so does
// time, once a slot has started or the local day has ended. Instants are absolute (Moscow, no DST).
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, type Location, locations, type Service, services, shifts, type Worker } from "@/db/schema";
import { zonedDateTimeToInstant } from "@/lib/time/zoned";
import { makeAppointment, makeLocation, makeService, makeShift, makeTimeOff, makeWorker } from "@/testing/fixtures";
import { workerSlots } from "./worker-slots";

const MSK = "Europe/Moscow";
const msk = (date: string, time: string) => zonedDateTimeToInstant(date, time, MSK);
const NOW = msk("2026-03-02", "10:07");
const DAY = "2026-03-03";

const starts = (list: { slots: { start: string }[] }) => list.slots.map((s) => s.start.slice(11, 16));

describe("remembered slot lists", () => {
  let service: Service;

  beforeAll(async () => {
    service = await makeService({ durationMinutes: 30 });
  });

  /** A worker with one 09:00-11:00 shift on DAY, whose list has been asked for once (and remembered). */
  async function askedWorker(): Promise<{
    worker: Worker;
    location: Location;
    ask: (now?: Date) => ReturnType<typeof workerSlots>;
  }> {
    const location = await makeLocation({ timezone: MSK });
    const worker = await makeWorker({ locationId: location.id, bookingHorizonDays: 7 }, [service.id]);
    await makeShift({
      workerId: worker.id,
      locationId: location.id,
      startAt: msk(DAY, "09:00"),
      endAt: msk(DAY, "11:00"),
    });
    const ask = (now = NOW) => workerSlots(worker.slug, { service: service.slug, date: DAY }, now);
    // The first request learns the worker's range, the second reads the rows with it and remembers.
    await ask();
    await ask();
    return { worker, location, ask };
  }

  it("answers the same list again while nothing it was computed from changed", async () => {
    const { ask } = await askedWorker();
    const first = await ask();
    expect(starts(first)).toEqual(["09:00", "09:30", "10:00", "10:30"]);
    expect(await ask()).toBe(first);
  });

  it("is fresh after the worker's appointment is booked, rescheduled and cancelled", async () => {
    const db = await getDb();
    const { worker, location, ask } = await askedWorker();
    const booked = await makeAppointment({
      workerId: worker.id,
      locationId: location.id,
      startAt: msk(DAY, "09:30"),
      endAt: msk(DAY, "10:00"),
    });
    expect(starts(await ask())).toEqual(["09:00", "10:00", "10:30"]);
    await db
      .update(appointments)
      .set({ startAt: msk(DAY, "10:30"), endAt: msk(DAY, "11:00") })
      .where(eq(appointments.id, booked.id));
    expect(starts(await ask())).toEqual(["09:00", "09:30", "10:00"]);
    await db.update(appointments).set({ status: "cancelled", cancelledAt: NOW }).where(eq(appointments.id, booked.id));
    expect(starts(await ask())).toEqual(["09:00", "09:30", "10:00", "10:30"]);
  });

  it("keeps the list when only an appointment's notes change", async () => {
    const db = await getDb();
    const { worker, location, ask } = await askedWorker();
    const booked = await makeAppointment({
      workerId: worker.id,
      locationId: location.id,
      startAt: msk(DAY, "09:00"),
      endAt: msk(DAY, "09:30"),
    });
    const list = await ask();
    await db.update(appointments).set({ notes: "bring the forms" }).where(eq(appointments.id, booked.id));
    expect(await ask()).toBe(list);
  });

  it("is fresh after a booking at the worker's place with no worker, and after time off", async () => {
    const { worker, location, ask } = await askedWorker();
    await makeAppointment({ locationId: location.id, startAt: msk(DAY, "09:00"), endAt: msk(DAY, "09:30") });
    expect(starts(await ask())).toEqual(["09:30", "10:00", "10:30"]);
    await makeTimeOff(worker.id, msk(DAY, "10:00"), msk(DAY, "10:30"));
    expect(starts(await ask())).toEqual(["09:30", "10:30"]);
  });

  it("is fresh after the shift is shortened, moved elsewhere or deleted", async () => {
    const db = await getDb();
    const { worker, ask } = await askedWorker();
    await db
      .update(shifts)
      .set({ endAt: msk(DAY, "10:00") })
      .where(eq(shifts.workerId, worker.id));
    expect(starts(await ask())).toEqual(["09:00", "09:30"]);
    // At another place, whose own bookings count from now on.
    const other = await makeLocation({ timezone: MSK });
    await db.update(shifts).set({ locationId: other.id }).where(eq(shifts.workerId, worker.id));
    expect(starts(await ask())).toEqual(["09:00", "09:30"]);
    await makeAppointment({ locationId: other.id, startAt: msk(DAY, "09:00"), endAt: msk(DAY, "09:30") });
    expect(starts(await ask())).toEqual(["09:30"]);
    await db.delete(shifts).where(eq(shifts.workerId, worker.id));
    expect((await ask()).slots).toEqual([]);
  });

  it("is fresh after a catalog change: the service's length, the location's zone", async () => {
    const db = await getDb();
    const own = await makeService({ durationMinutes: 60 });
    const place = await makeLocation({ timezone: MSK });
    const worker = await makeWorker({ locationId: place.id, bookingHorizonDays: 7 }, [own.id]);
    await makeShift({
      workerId: worker.id,
      locationId: place.id,
      startAt: msk(DAY, "09:00"),
      endAt: msk(DAY, "11:00"),
    });
    const ask = () => workerSlots(worker.slug, { service: own.slug, date: DAY }, NOW);
    await ask();
    expect(starts(await ask())).toEqual(["09:00", "10:00"]);
    await db.update(services).set({ durationMinutes: 120 }).where(eq(services.id, own.id));
    expect(starts(await ask())).toEqual(["09:00"]);
    await db.update(locations).set({ timezone: "Europe/Berlin" }).where(eq(locations.id, place.id));
    // The same shift, 07:00-09:00 there.
    expect(await ask()).toEqual({
      timezone: "Europe/Berlin",
      slots: [{ start: `${DAY}T07:00:00+01:00`, end: `${DAY}T09:00:00+01:00` }],
    });
  });

  it("drops a slot once it has started, and follows the horizon across local midnight", async () => {
    const { ask } = await askedWorker();
    expect(starts(await ask(msk(DAY, "09:00")))).toEqual(["09:00", "09:30", "10:00", "10:30"]);
    expect(starts(await ask(msk(DAY, "09:01")))).toEqual(["09:30", "10:00", "10:30"]);
    // Seven days of horizon: DAY is out of reach until 2026-02-24 begins in Moscow.
    expect((await ask(msk("2026-02-23", "23:59"))).slots).toEqual([]);
    expect((await ask(msk("2026-02-23", "23:59"))).slots).toEqual([]);
    expect(starts(await ask(msk("2026-02-24", "00:00")))).toEqual(["09:00", "09:30", "10:00", "10:30"]);
  });

  // Last in the file: it empties the file's own database.
  it("is fresh after the tables are emptied whole", async () => {
    const db = await getDb();
    const { ask } = await askedWorker();
    await db.execute(sql`truncate ${shifts}`);
    expect((await ask()).slots).toEqual([]);
  });
});
