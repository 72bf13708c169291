import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, clients, locations, services, shifts, workers } from "@/db/schema";
import { sqlState } from "@/lib/errors";

const db = await getDb();

const at = (hhmm: string, day = "2030-01-07") => new Date(`${day}T${hhmm}:00Z`);

async function insertOrCode(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (err) {
    return sqlState(err) ?? `unexpected: ${String(err)}`;
  }
}

async function fixture(tag: string, kind: "workplace" | "room" = "workplace") {
  const [location] = await db
    .insert(locations)
    .values({ slug: `loc-${tag}`, name: `Chair ${tag}`, kind, timezone: "Europe/Moscow" })
    .returning();
  const [worker] = await db
    .insert(workers)
    .values({ slug: `w-${tag}`, name: `Worker ${tag}` })
    .returning();
  const [client] = await db
    .insert(clients)
    .values({ name: `Client ${tag}` })
    .returning();
  if (!location || !worker || !client) throw new Error("fixture insert failed");
  return { location, worker, client };
}

describe("shift exclusion constraints", () => {
  it("refuses overlapping shifts of one worker and accepts adjacent [start, end) ones", async () => {
    const { location, worker } = await fixture("s1");
    const { location: other } = await fixture("s1b");
    const shift = (locationId: string, from: string, to: string) => () =>
      db.insert(shifts).values({ workerId: worker.id, locationId, startAt: at(from), endAt: at(to) });

    expect(await insertOrCode(shift(location.id, "09:00", "12:00"))).toBe("ok");
    expect(await insertOrCode(shift(other.id, "11:59", "13:00"))).toBe("23P01");
    expect(await insertOrCode(shift(location.id, "12:00", "15:00"))).toBe("ok");
    expect(await insertOrCode(shift(other.id, "08:00", "09:00"))).toBe("ok");
  });

  it("refuses two workers in one workplace at once but lets a room host overlapping shifts", async () => {
    const a = await fixture("s2a");
    const b = await fixture("s2b");
    const shiftAt = (workerId: string, locationId: string) => () =>
      db.insert(shifts).values({ workerId, locationId, startAt: at("10:00"), endAt: at("11:00") });

    expect(await insertOrCode(shiftAt(a.worker.id, a.location.id))).toBe("ok");
    expect(await insertOrCode(shiftAt(b.worker.id, a.location.id))).toBe("23P01");

    const room = await fixture("s2room", "room");
    expect(await insertOrCode(shiftAt(room.worker.id, room.location.id))).toBe("ok");
    expect(await insertOrCode(shiftAt(b.worker.id, room.location.id))).toBe("ok");
    // Turning that room into a workplace would put two workers in it at once: refused.
    expect(
      await insertOrCode(() =>
        db.update(locations).set({ kind: "workplace" }).where(eq(locations.id, room.location.id)),
      ),
    ).toBe("23P01");
  });

  it("refuses a shift that ends before it starts", async () => {
    const { location, worker } = await fixture("s3");
    const code = await insertOrCode(() =>
      db
        .insert(shifts)
        .values({ workerId: worker.id, locationId: location.id, startAt: at("10:00"), endAt: at("10:00") }),
    );
    expect(code).toBe("23514");
  });
});

describe("appointment exclusion constraints", () => {
  it("refuses overlapping booked appointments of one worker, accepts adjacent ones", async () => {
    const { location, worker, client } = await fixture("a1");
    const { location: other } = await fixture("a1b");
    const book = (locationId: string, from: string, to: string) => () =>
      db
        .insert(appointments)
        .values({ workerId: worker.id, locationId, clientId: client.id, startAt: at(from), endAt: at(to) });

    expect(await insertOrCode(book(location.id, "10:00", "10:30"))).toBe("ok");
    expect(await insertOrCode(book(other.id, "10:15", "10:45"))).toBe("23P01");
    expect(await insertOrCode(book(location.id, "10:30", "11:00"))).toBe("ok");
    expect(await insertOrCode(book(other.id, "09:30", "10:00"))).toBe("ok");
  });

  it("refuses two booked appointments at one location, even without workers (rooms)", async () => {
    const { location, client } = await fixture("a2", "room");
    const book = (from: string, to: string) => () =>
      db
        .insert(appointments)
        .values({ locationId: location.id, clientId: client.id, startAt: at(from), endAt: at(to) });

    expect(await insertOrCode(book("14:00", "15:00"))).toBe("ok");
    expect(await insertOrCode(book("14:59", "16:00"))).toBe("23P01");
    expect(await insertOrCode(book("15:00", "16:00"))).toBe("ok");
  });

  it("frees the interval when an appointment is cancelled", async () => {
    const { location, worker, client } = await fixture("a3");
    const values = {
      workerId: worker.id,
      locationId: location.id,
      clientId: client.id,
      startAt: at("12:00"),
      endAt: at("13:00"),
    };
    const [first] = await db.insert(appointments).values(values).returning();
    if (!first) throw new Error("insert failed");
    expect(await insertOrCode(() => db.insert(appointments).values(values))).toBe("23P01");

    await db
      .update(appointments)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(eq(appointments.id, first.id));
    expect(await insertOrCode(() => db.insert(appointments).values(values))).toBe("ok");
    // Both rows are kept: cancelling never deletes what was booked.
    const rows = await db.select().from(appointments).where(eq(appointments.workerId, worker.id));
    expect(rows.map((r) => r.status).sort()).toEqual(["booked", "cancelled"]);
  });

  it("checks status values, prices and the cancelled-at invariant", async () => {
    const { location, client } = await fixture("a4", "room");
    const base = { locationId: location.id, clientId: client.id, startAt: at("08:00"), endAt: at("09:00") };
    expect(await insertOrCode(() => db.insert(appointments).values({ ...base, status: "lost" as never }))).toBe(
      "23514",
    );
    expect(await insertOrCode(() => db.insert(appointments).values({ ...base, price: -1 }))).toBe("23514");
    expect(await insertOrCode(() => db.insert(appointments).values({ ...base, status: "cancelled" }))).toBe("23514");
  });
});

describe("catalog checks", () => {
  it("refuses services with a non-positive duration or a negative price", async () => {
    const service = (durationMinutes: number, price: number) => () =>
      db.insert(services).values({ slug: `svc-${durationMinutes}-${price}`, name: "Cut", durationMinutes, price });
    expect(await insertOrCode(service(0, 100))).toBe("23514");
    expect(await insertOrCode(service(30, -5))).toBe("23514");
    expect(await insertOrCode(service(30, 0))).toBe("ok");
  });
});
