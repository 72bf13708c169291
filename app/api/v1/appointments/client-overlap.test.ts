// A client holds one booked appointment at a time (drizzle/0010, 409 client_busy), unless the
// business allows overlaps (policy.allowClientOverlap), which each appointment copies when booked.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, business } from "@/db/schema";
import { exclusionError } from "@/lib/booking/conflicts";
import { constraintName, sqlState } from "@/lib/errors";
import { appointmentsApi as api, bookingScene, shiftTime } from "@/testing/booking";
import { makeClient, makeLocation, makeShift, makeWorker } from "@/testing/fixtures";

/** The scene, and a second worker performing the service at another place over the same hours. */
async function twoBarbers() {
  const s = await bookingScene();
  const place = await makeLocation();
  const other = await makeWorker({ locationId: place.id, bookingHorizonDays: 7 }, [s.service.id]);
  await makeShift({ workerId: other.id, locationId: place.id, startAt: s.shift.startAt, endAt: s.shift.endAt });
  const withOther = (minutes: number, extra: Record<string, unknown> = {}) => ({
    ...s.slot(minutes, extra),
    workerId: other.id,
  });
  return { ...s, other, withOther };
}

async function allowClientOverlap(allow: boolean) {
  const db = await getDb();
  const values = { name: "Test business", defaultTimezone: "UTC", currency: "RUB", allowClientOverlap: allow };
  await db.insert(business).values(values).onConflictDoUpdate({ target: business.id, set: values });
}

describe("a client's overlapping appointments", () => {
  it("refuses a client's second appointment at the same time with another worker, listing their own", async () => {
    const s = await twoBarbers();
    const first = await api.create(s.client.token, s.slot(60));
    expect(first.status).toBe(201);
    // Two barbers at the same time.
    const res = await api.create(s.client.token, s.withOther(60));
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({
      code: "client_busy",
      details: {
        appointments: [{ id: first.json.id, start: first.json.start, end: first.json.end }],
      },
    });
    // Touching is not overlapping: [10:00, 10:30) and [10:30, 11:00).
    expect((await api.create(s.client.token, s.withOther(90))).status).toBe(201);
    expect((await api.create(s.client.token, s.withOther(30))).status).toBe(201);
  });

  it("refuses staff booking an existing client into an overlap, listing ids only", async () => {
    const s = await twoBarbers();
    const client = await makeClient();
    const first = await api.create(s.admin.token, s.slot(0, { clientId: client.id }));
    expect(first.status).toBe(201);
    const res = await api.create(s.manager.token, s.withOther(15, { clientId: client.id }));
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("client_busy");
    expect(res.json.error.details).toEqual({ appointments: [{ id: first.json.id }] });
    // Another client at the same time with the other worker is fine.
    expect((await api.create(s.admin.token, s.withOther(15, { clientId: (await makeClient()).id }))).status).toBe(201);
  });

  it("keeps slot_taken with its conflict when the worker is the one booked", async () => {
    const s = await twoBarbers();
    expect((await api.create(s.client.token, s.slot(0))).status).toBe(201);
    const res = await api.create(s.client.token, s.slot(0));
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "slot_taken", details: { conflict: "worker" } });
  });

  it("counts only booked appointments: a cancelled one frees the client's time", async () => {
    const s = await twoBarbers();
    const first = await api.create(s.client.token, s.slot(120));
    expect((await api.cancel(s.client.token, first.json.id)).status).toBe(200);
    expect((await api.create(s.client.token, s.withOther(120))).status).toBe(201);
  });

  it("refuses a reschedule into the client's other appointment and leaves it where it was", async () => {
    const s = await twoBarbers();
    const first = await api.create(s.client.token, s.slot(0));
    const second = await api.create(s.client.token, s.withOther(60));
    expect(second.status).toBe(201);
    const moved = await api.patch(s.client.token, second.json.id, { start: shiftTime(s.shiftStart, 0).toISOString() });
    expect(moved.status).toBe(409);
    expect(moved.json.error.code).toBe("client_busy");
    expect(moved.json.error.details.appointments).toEqual([
      { id: first.json.id, start: first.json.start, end: first.json.end },
    ]);
    expect((await api.get(s.client.token, second.json.id)).json.start).toBe(second.json.start);
    // Staff moving it get ids only; a move within its own old time is no overlap with itself.
    const byStaff = await api.patch(s.admin.token, second.json.id, {
      start: shiftTime(s.shiftStart, 15).toISOString(),
    });
    expect(byStaff.json.error.details).toEqual({ appointments: [{ id: first.json.id }] });
    expect(
      (await api.patch(s.admin.token, second.json.id, { start: shiftTime(s.shiftStart, 45).toISOString() })).status,
    ).toBe(200);
  });

  it("lets a family under one record overlap while the business allows it; rows keep the setting they were booked under", async () => {
    const s = await twoBarbers();
    const client = await makeClient("Family Petrov");
    await allowClientOverlap(true);
    try {
      const first = await api.create(s.admin.token, s.slot(0, { clientId: client.id }));
      const second = await api.create(s.admin.token, s.withOther(0, { clientId: client.id }));
      expect([first.status, second.status]).toEqual([201, 201]);
      const db = await getDb();
      const flags = await db
        .select({ allowed: appointments.clientOverlapAllowed })
        .from(appointments)
        .where(eq(appointments.clientId, client.id));
      expect(flags).toEqual([{ allowed: true }, { allowed: true }]);
      await allowClientOverlap(false);
      // Two bookings made now still may not overlap each other.
      expect((await api.create(s.admin.token, s.slot(120, { clientId: client.id }))).status).toBe(201);
      const res = await api.create(s.admin.token, s.withOther(120, { clientId: client.id }));
      expect(res.json.error?.code).toBe("client_busy");
    } finally {
      await allowClientOverlap(false);
    }
  });

  it("is enforced by the database whatever writes the row", async () => {
    const s = await twoBarbers();
    const client = await makeClient();
    const db = await getDb();
    const row = (workerId: string, locationId: string) => ({
      workerId,
      locationId,
      clientId: client.id,
      startAt: shiftTime(s.shiftStart, 0),
      endAt: shiftTime(s.shiftStart, 30),
    });
    await db.insert(appointments).values(row(s.worker.id, s.location.id));
    const refused = await db
      .insert(appointments)
      .values(row(s.other.id, (await makeLocation()).id))
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    // Told apart by the constraint's name, as the driver (postgres.js or PGlite) reports it.
    expect(sqlState(refused)).toBe("23P01");
    expect(constraintName(refused)).toBe("appointments_client_no_overlap");
    expect(exclusionError(refused)?.code).toBe("client_busy");
  });
});
