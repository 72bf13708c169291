// Service buffers (API.md v1 extensions "Service buffers", issue #16) through the route handlers, on
// PGlite and on PostgreSQL: the database holds the worker for the held interval (drizzle/0017), a
// booking into a buffer answers 409 slot_taken with `details.buffer: true`, staff book into it on
// purpose with `overrideBuffers` (audited), clients may not; slots leave room for the buffers; rows
// booked before the migration hold their own interval. On PostgreSQL, two bookings whose held
// intervals overlap (their own do not) race: exactly one gets through.
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as serviceItem from "@/app/api/v1/services/[ref]/route";
import * as serviceCollection from "@/app/api/v1/services/route";
import { GET as slotsGet } from "@/app/api/v1/workers/[ref]/slots/route";
import { getDb, migrationsFolder } from "@/db/client";
import { appointments, auditLog, scheduleVersions, services } from "@/db/schema";
import { addDaysToDate, zonedDateOf } from "@/lib/time/zoned";
import { appointmentsApi as api, bookingScene, shiftTime } from "@/testing/booking";
import { catalogApi, issuePaths, withCallers } from "@/testing/catalog";
import { makeAppointment, makeLocation, makeService, makeShift, makeWorker } from "@/testing/fixtures";
import { call } from "@/testing/http";

process.env.DATABASE_POOL_SIZE = "10";
process.env.RATE_LIMIT_API_PER_MINUTE = "1000000";

const onPostgres = Boolean(process.env.TEST_SERVER_DATABASE_URL);
const MINUTE = 60_000;

/** The booking scene with its service given buffers of 10 minutes before and 15 after. */
async function bufferedScene() {
  const scene = await bookingScene();
  const db = await getDb();
  await db
    .update(services)
    .set({ bufferBeforeMinutes: 10, bufferAfterMinutes: 15 })
    .where(eq(services.id, scene.service.id));
  const at = (minutes: number) => shiftTime(scene.shiftStart, minutes);
  /** Staff book `minutes` after the shift starts, for a new walk-in client each time. */
  const staff = (minutes: number, extra: Record<string, unknown> = {}) =>
    api.create(scene.admin.token, scene.slot(minutes, { client: { name: "Walk-in" }, ...extra }));
  return { ...scene, at, staff };
}

async function heldOf(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      start: sql<number>`(extract(epoch from lower(${appointments.held})) * 1000)::float8`,
      end: sql<number>`(extract(epoch from upper(${appointments.held})) * 1000)::float8`,
      overridden: appointments.buffersOverridden,
    })
    .from(appointments)
    .where(eq(appointments.id, id));
  if (!row) throw new Error("appointment missing");
  return { start: new Date(Number(row.start)), end: new Date(Number(row.end)), overridden: row.overridden };
}

async function auditAfter(entityId: string, action: string) {
  const db = await getDb();
  const rows = await db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
  expect(rows).toHaveLength(1);
  return rows[0]?.after as Record<string, unknown>;
}

describe("services carry buffers", () => {
  const callers = withCallers();
  const { create, patch, get } = catalogApi("services", serviceCollection, serviceItem, callers);

  it("defaults them to 0, takes 0..240 on POST and PATCH, and refuses anything else with 400", async () => {
    const plain = await create({ name: "Plain", durationMinutes: 30, price: 0 });
    expect(plain.status).toBe(201);
    expect(plain.json).toMatchObject({ bufferBeforeMinutes: 0, bufferAfterMinutes: 0 });
    const made = await create({
      name: "Colour",
      durationMinutes: 60,
      price: 0,
      bufferBeforeMinutes: 240,
      bufferAfterMinutes: 15,
    });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ bufferBeforeMinutes: 240, bufferAfterMinutes: 15 });
    const changed = await patch(made.json.id, { bufferBeforeMinutes: 0 });
    expect(changed.status).toBe(200);
    expect((await get(made.json.id)).json).toMatchObject({ bufferBeforeMinutes: 0, bufferAfterMinutes: 15 });
    const bad = await create({
      name: "Bad",
      durationMinutes: 30,
      price: 0,
      bufferBeforeMinutes: -1,
      bufferAfterMinutes: 241,
    });
    expect(bad.status).toBe(400);
    expect(issuePaths(bad)).toEqual(["bufferAfterMinutes", "bufferBeforeMinutes"]);
    const fraction = await patch(made.json.id, { bufferAfterMinutes: 1.5 });
    expect(fraction.status).toBe(400);
    expect(issuePaths(fraction)).toEqual(["bufferAfterMinutes"]);
    const notNumber = await patch(made.json.id, { bufferAfterMinutes: "10" });
    expect(notNumber.status).toBe(400);
  });
});

describe("booking with buffers", () => {
  it("holds the worker for the buffers, the appointment keeping the client's own times", async () => {
    const s = await bufferedScene();
    const res = await s.staff(60);
    expect(res.status).toBe(201);
    expect(Date.parse(res.json.start)).toBe(s.at(60).getTime());
    expect(Date.parse(res.json.end)).toBe(s.at(90).getTime());
    expect(await heldOf(res.json.id)).toEqual({ start: s.at(50), end: s.at(105), overridden: false });
  });

  it("refuses a booking into a buffer with 409 slot_taken buffer: true, touching is fine", async () => {
    const s = await bufferedScene();
    expect((await s.staff(60)).status).toBe(201);
    // Its held interval [104, 149) cuts the other's [50, 105) by a minute; its own [114, 144) is free.
    const into = await s.staff(114);
    expect(into.status).toBe(409);
    expect(into.json.error).toMatchObject({ code: "slot_taken", details: { conflict: "worker", buffer: true } });
    // Its held interval starts exactly where the other's ends.
    const touching = await s.staff(115);
    expect(touching.status).toBe(201);
    // The own interval overlapping: a plain slot_taken, no buffer to override.
    const over = await s.staff(70);
    expect(over.status).toBe(409);
    expect(over.json.error.code).toBe("slot_taken");
    expect(over.json.error.details.buffer).toBeUndefined();
    // Before another one (held [290, 345)): an after-buffer ending exactly at its held start is fine.
    expect((await s.staff(300)).status).toBe(201);
    const early = await s.staff(246);
    expect(early.json.error).toMatchObject({ code: "slot_taken", details: { buffer: true } });
    expect((await s.staff(245)).status).toBe(201);
  });

  it("refuses a client's booking into a buffer, and a client's overrideBuffers with 403", async () => {
    const s = await bufferedScene();
    expect((await s.staff(60)).status).toBe(201);
    // 90 is on the grid and its own interval touches the other's end; its buffers do not fit.
    const client = await api.create(s.client.token, s.slot(90));
    expect(client.status).toBe(409);
    expect(client.json.error).toMatchObject({ code: "slot_taken", details: { buffer: true } });
    const forced = await api.create(s.client.token, s.slot(90, { overrideBuffers: true }));
    expect(forced.status).toBe(403);
    expect(forced.json.error.code).toBe("forbidden");
  });

  it("books a staff override into the buffers: its own interval held, the neighbour's buffer cut, audited", async () => {
    const s = await bufferedScene();
    const first = await s.staff(60);
    expect(first.status).toBe(201);
    const res = await s.staff(90, { overrideBuffers: true });
    expect(res.status).toBe(201);
    expect(await heldOf(res.json.id)).toEqual({ start: s.at(90), end: s.at(120), overridden: true });
    // The neighbour keeps its before-buffer and its own interval; its after-buffer ends at the new start.
    expect(await heldOf(first.json.id)).toEqual({ start: s.at(50), end: s.at(90), overridden: false });
    const after = await auditAfter(res.json.id, "appointment.create");
    expect(after.bufferOverride).toEqual({
      trimmed: [{ id: first.json.id, heldStart: s.at(50).toISOString(), heldEnd: s.at(90).toISOString() }],
    });
    // A booking without the override stays audited without it.
    const plain = await s.staff(200);
    expect((await auditAfter(plain.json.id, "appointment.create")).bufferOverride).toBeUndefined();
    // An override never books over another appointment's own interval.
    const over = await s.staff(100, { overrideBuffers: true });
    expect(over.status).toBe(409);
    expect(over.json.error.details.buffer).toBeUndefined();
  });

  it("moves by PATCH under the same rules: into a buffer 409, with the override 200, moved again the buffers return", async () => {
    const s = await bufferedScene();
    const first = await s.staff(60);
    const second = await s.staff(200);
    expect(second.status).toBe(201);
    const into = await api.patch(s.admin.token, second.json.id, { start: s.at(100).toISOString() });
    expect(into.status).toBe(409);
    expect(into.json.error).toMatchObject({ code: "slot_taken", details: { buffer: true } });
    const forced = await api.patch(s.admin.token, second.json.id, {
      start: s.at(100).toISOString(),
      overrideBuffers: true,
    });
    expect(forced.status).toBe(200);
    expect(await heldOf(second.json.id)).toEqual({ start: s.at(100), end: s.at(130), overridden: true });
    expect(await heldOf(first.json.id)).toMatchObject({ end: s.at(100) });
    expect((await auditAfter(second.json.id, "appointment.reschedule")).bufferOverride).toBeDefined();
    const back = await api.patch(s.admin.token, second.json.id, { start: s.at(240).toISOString() });
    expect(back.status).toBe(200);
    expect(await heldOf(second.json.id)).toEqual({ start: s.at(230), end: s.at(285), overridden: false });
    // A client's override is refused, and overrideBuffers alone is no change.
    const mine = await api.create(s.client.token, s.slot(300));
    expect(mine.status).toBe(201);
    const clientForce = await api.patch(s.client.token, mine.json.id, {
      start: s.at(330).toISOString(),
      overrideBuffers: true,
    });
    expect(clientForce.status).toBe(403);
    const alone = await api.patch(s.admin.token, mine.json.id, { overrideBuffers: true });
    expect(alone.status).toBe(400);
    expect(issuePaths(alone)).toEqual(["overrideBuffers"]);
  });

  it("keeps the buffers inside the shift: staff at the shift's start answer 409 not_available buffer: true", async () => {
    const s = await bufferedScene();
    const edge = await s.staff(0);
    expect(edge.status).toBe(409);
    expect(edge.json.error).toMatchObject({
      code: "not_available",
      details: { reason: "outside_schedule", buffer: true },
    });
    expect((await s.staff(0, { overrideBuffers: true })).status).toBe(201);
  });

  it("leaves room for the buffers in the slot list, from the held intervals the database keeps", async () => {
    const s = await bufferedScene();
    expect((await s.staff(60)).status).toBe(201);
    const timeZone = s.location.timezone;
    const from = zonedDateOf(s.at(0), timeZone);
    const res = await call(
      slotsGet,
      "GET",
      `/api/v1/workers/${s.worker.id}/slots?service=${s.service.id}&from=${from}&to=${addDaysToDate(from, 1)}`,
      { params: { ref: s.worker.id } },
    );
    expect(res.status).toBe(200);
    const offered = new Set(res.json.slots.map((slot: { start: string }) => Date.parse(slot.start)));
    // Held [s - 10, s + 45) must fit the shift and miss [50, 105): nothing fits before it (a start
    // of 10 at the earliest, held until 55), 115 is the re-start after it, then the grid.
    expect(offered.has(s.at(0).getTime())).toBe(false);
    expect(offered.has(s.at(10).getTime())).toBe(false);
    expect(offered.has(s.at(30).getTime())).toBe(false);
    expect(offered.has(s.at(90).getTime())).toBe(false);
    expect(offered.has(s.at(115).getTime())).toBe(true);
    expect(offered.has(s.at(120).getTime())).toBe(true);
    // Each offered slot books (the rules agree with the list).
    const booked = await api.create(s.client.token, s.slot(115));
    expect(booked.status).toBe(201);
  });

  it("a buffer change reaches the next slot list at once", async () => {
    const s = await bufferedScene();
    const timeZone = s.location.timezone;
    const from = zonedDateOf(s.at(0), timeZone);
    const url = `/api/v1/workers/${s.worker.id}/slots?service=${s.service.id}&from=${from}&to=${addDaysToDate(from, 1)}`;
    const list = async () => {
      const res = await call(slotsGet, "GET", url, { params: { ref: s.worker.id } });
      return new Set(res.json.slots.map((slot: { start: string }) => Date.parse(slot.start)));
    };
    expect((await list()).has(s.at(0).getTime())).toBe(false);
    const db = await getDb();
    await db
      .update(services)
      .set({ bufferBeforeMinutes: 0, bufferAfterMinutes: 0 })
      .where(eq(services.id, s.service.id));
    expect((await list()).has(s.at(0).getTime())).toBe(true);
  });
});

describe("schedule versions (the slot lists' cache, drizzle/0020)", () => {
  it("bump when only an appointment's held interval changes, as a buffer override's trim does", async () => {
    const s = await bufferedScene();
    const first = await s.staff(60);
    expect(first.status).toBe(201);
    const db = await getDb();
    const versionOf = async (key: string) =>
      (await db.select().from(scheduleVersions).where(eq(scheduleVersions.key, key)))[0]?.version ?? 0;
    const before = await Promise.all([versionOf(s.worker.id), versionOf(s.location.id)]);
    await db.execute(
      sql`update ${appointments} set held = tstzrange(start_at, end_at, '[)') where ${appointments.id} = ${first.json.id}`,
    );
    const after = await Promise.all([versionOf(s.worker.id), versionOf(s.location.id)]);
    expect(after[0]).toBeGreaterThan(before[0] ?? 0);
    expect(after[1]).toBeGreaterThan(before[1] ?? 0);
    // A change of nothing the slots read (the notes) bumps nothing.
    await db.update(appointments).set({ notes: "quiet" }).where(eq(appointments.id, first.json.id));
    expect(await Promise.all([versionOf(s.worker.id), versionOf(s.location.id)])).toEqual(after);
  });
});

describe("migration 0017 over existing appointments", () => {
  const migration = readFileSync(path.join(migrationsFolder(), "0017_held_interval.sql"), "utf8")
    .split("--> statement-breakpoint")
    .map((statement) => statement.trim());

  it("gives rows booked before it their own interval as held, then refuses held overlaps", async () => {
    const db = await getDb();
    // Back to the state before 0017: constraints and index on `during`, no trigger, held unset.
    for (const statement of [
      `drop trigger "appointments_fill_held" on "appointments"`,
      `drop function "appointments_fill_held"()`,
      `alter table "appointments" drop constraint "appointments_worker_no_overlap"`,
      `alter table "appointments" drop constraint "appointments_location_no_overlap"`,
      `drop index "appointments_booked_held_idx"`,
      `alter table "appointments" add constraint "appointments_worker_no_overlap" exclude using gist ("worker_id" with =, "during" with &&) where ("status" = 'booked')`,
      `alter table "appointments" add constraint "appointments_location_no_overlap" exclude using gist ("location_id" with =, "during" with &&) where ("status" = 'booked')`,
      `create index "appointments_booked_during_idx" on "appointments" using gist ("during") where "status" = 'booked'`,
    ]) {
      await db.execute(sql.raw(statement));
    }
    const location = await makeLocation();
    const service = await makeService({ durationMinutes: 30 });
    const worker = await makeWorker({ locationId: location.id }, [service.id]);
    const base = Date.parse("2031-03-03T09:00:00Z");
    const t = (minutes: number) => new Date(base + minutes * MINUTE);
    const old = await makeAppointment({
      workerId: worker.id,
      locationId: location.id,
      serviceId: service.id,
      startAt: t(0),
      endAt: t(30),
    });
    const cancelled = await makeAppointment({
      workerId: worker.id,
      locationId: location.id,
      serviceId: service.id,
      startAt: t(30),
      endAt: t(60),
      status: "cancelled",
      cancelledAt: t(-60),
    });
    const [unset] = await db
      .select({ empty: sql<boolean>`isempty(${appointments.held})` })
      .from(appointments)
      .where(eq(appointments.id, old.id));
    expect(unset?.empty).toBe(true); // the column's default, before the migration fills it
    for (const statement of migration) await db.execute(sql.raw(statement));
    expect(await heldOf(old.id)).toEqual({ start: t(0), end: t(30), overridden: false });
    expect(await heldOf(cancelled.id)).toEqual({ start: t(30), end: t(60), overridden: false });
    // New rows are held with their service's buffers now; one touching the old row's held interval is fine.
    await db.update(services).set({ bufferBeforeMinutes: 5 }).where(eq(services.id, service.id));
    const next = await makeAppointment({
      workerId: worker.id,
      locationId: location.id,
      serviceId: service.id,
      startAt: t(35),
      endAt: t(65),
    });
    expect(await heldOf(next.id)).toEqual({ start: t(30), end: t(65), overridden: false });
    await expect(
      makeAppointment({
        workerId: worker.id,
        locationId: location.id,
        serviceId: service.id,
        startAt: t(69),
        endAt: t(99),
      }),
    ).rejects.toThrow();
  });
});

describe.runIf(onPostgres)("racing bookings into each other's buffers on PostgreSQL", () => {
  it("lets exactly one of two bookings through when only their held intervals overlap", async () => {
    const location = await makeLocation();
    const service = await makeService({ durationMinutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 10 });
    const worker = await makeWorker({ locationId: location.id }, [service.id]);
    const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3_600_000);
    await makeShift({
      workerId: worker.id,
      locationId: location.id,
      startAt: start,
      endAt: new Date(start.getTime() + 40 * 3_600_000),
    });
    const { admin } = await bookingScene();
    for (let round = 0; round < 10; round++) {
      const base = start.getTime() + (20 + round * 120) * MINUTE;
      // Own intervals [0, 30) and [35, 65): apart. Held [-10, 40) and [25, 75): overlapping.
      const body = (offset: number) => ({
        client: { name: "Walk-in" },
        workerId: worker.id,
        serviceId: service.id,
        start: new Date(base + offset * MINUTE).toISOString(),
      });
      const results = await Promise.all([api.create(admin.token, body(0)), api.create(admin.token, body(35))]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      const refused = results.find((r) => r.status === 409);
      expect(refused?.json.error).toMatchObject({ code: "slot_taken", details: { buffer: true } });
    }
  });
});
