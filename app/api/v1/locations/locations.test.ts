import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, locations, shifts, weeklySchedules, workers } from "@/db/schema";
import { catalogApi, hoursAhead, issuePaths, withCallers } from "@/testing/catalog";
import { makeAppointment, makeLocation, makeShift, makeWorker } from "@/testing/fixtures";
import * as item from "./[ref]/route";
import * as collection from "./route";

const callers = withCallers();
const { list, get, create, patch, remove } = catalogApi("locations", collection, item, callers);

describe("POST /api/v1/locations", () => {
  it("creates a workplace by default, trims text and answers the Location shape", async () => {
    const res = await create({ name: "  Кабинет 1  ", timezone: "Europe/Moscow", address: "  ", latitude: 55.75 });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      slug: "kabinet-1",
      name: "Кабинет 1",
      kind: "workplace",
      address: null,
      latitude: 55.75,
      longitude: null,
      timezone: "Europe/Moscow",
      description: null,
    });
  });

  it("numbers slugs made from the same name and refuses a taken explicit slug (409, field slug)", async () => {
    const body = { name: "Зал Север", timezone: "Europe/Berlin", kind: "room" };
    const slugs = [];
    for (let i = 0; i < 3; i++) slugs.push((await create(body)).json.slug);
    expect(slugs).toEqual(["zal-sever", "zal-sever-2", "zal-sever-3"]);
    const taken = await create({ ...body, slug: "zal-sever-2" });
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ code: "already_exists", details: { field: "slug" } });
    const own = await create({ ...body, slug: "hall-north" });
    expect(own.json.slug).toBe("hall-north");
  });

  it("answers 400 validation_failed naming every bad field", async () => {
    const res = await create({
      name: " ",
      slug: "Not A Slug",
      kind: "garage",
      timezone: "Mars/Olympus",
      latitude: 91,
      longitude: -180.5,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect(issuePaths(res)).toEqual(["kind", "latitude", "longitude", "name", "slug", "timezone"]);
    // Without a zone a location takes the business's defaultTimezone: UTC while none is set up.
    expect((await create({ name: "No zone" })).json.timezone).toBe("UTC");
    expect(issuePaths(await create({ name: "Offset", timezone: "+03:00" }))).toEqual(["timezone"]);
    const uuidSlug = await create({ name: "X", timezone: "UTC", slug: "00000000-0000-4000-8000-000000000000" });
    expect(issuePaths(uuidSlug)).toEqual(["slug"]);
  });
});

describe("GET /api/v1/locations", () => {
  it("filters by kind", async () => {
    const room = await makeLocation({ kind: "room" });
    const rooms = await list("kind=room");
    expect(rooms.json.items.every((l: { kind: string }) => l.kind === "room")).toBe(true);
    expect(rooms.json.items.map((l: { id: string }) => l.id)).toContain(room.id);
  });
});

describe("PATCH /api/v1/locations/{ref}", () => {
  it("changes only the fields given, keeps the slug on rename, and moves the slug when asked", async () => {
    const loc = await makeLocation({ address: "Old street 1", description: "Keep me" });
    const renamed = await patch(loc.slug, { name: "Новое имя", address: "New street 2" });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({
      slug: loc.slug,
      name: "Новое имя",
      address: "New street 2",
      description: "Keep me",
    });
    const moved = await patch(loc.id, { slug: "new-home" });
    expect(moved.json.slug).toBe("new-home");
    expect((await get("new-home")).json.id).toBe(loc.id);
    const cleared = await patch("new-home", { description: null, latitude: null });
    expect(cleared.json).toMatchObject({ description: null, latitude: null, address: "New street 2" });
  });

  it("refuses a slug another location has (409) and bad values (400)", async () => {
    const [a, b] = [await makeLocation(), await makeLocation()];
    const taken = await patch(a.slug, { slug: b.slug });
    expect(taken.status).toBe(409);
    expect(taken.json.error.details.field).toBe("slug");
    expect((await patch(a.slug, { slug: a.slug })).status).toBe(200);
    expect(issuePaths(await patch(a.slug, { timezone: "Nowhere", name: "" }))).toEqual(["name", "timezone"]);
  });

  it("turns a room with overlapping shifts into a workplace only after they stop overlapping (409 location_busy)", async () => {
    const room = await makeLocation({ kind: "room", timezone: "Europe/Berlin" });
    const [w1, w2] = [await makeWorker(), await makeWorker()];
    const start = new Date("2030-03-04T09:00:00Z");
    const end = new Date("2030-03-04T12:00:00Z");
    const first = await makeShift({ workerId: w1.id, locationId: room.id, startAt: start, endAt: end });
    const second = await makeShift({ workerId: w2.id, locationId: room.id, startAt: start, endAt: end });

    const busy = await patch(room.slug, { kind: "workplace", name: "Not applied" });
    expect(busy.status).toBe(409);
    expect(busy.json.error.code).toBe("location_busy");
    expect(busy.json.error.details.conflicts.map((c: { id: string }) => c.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect(busy.json.error.details.conflicts[0]).toMatchObject({
      locationId: room.id,
      start: "2030-03-04T10:00:00+01:00",
    });
    expect((await get(room.id)).json).toMatchObject({
      kind: "room",
      name: room.name,
    });

    const db = await getDb();
    await db.delete(shifts).where(eq(shifts.id, second.id));
    const ok = await patch(room.slug, { kind: "workplace" });
    expect(ok.status).toBe(200);
    expect(ok.json.kind).toBe("workplace");
    const [copy] = await db.select().from(shifts).where(eq(shifts.id, first.id));
    expect(copy?.locationKind).toBe("workplace");
    // And back: a room may hold overlapping shifts, so that direction never conflicts.
    expect((await patch(room.slug, { kind: "room" })).json.kind).toBe("room");
  });

  it("writes an audit row with both shapes", async () => {
    const loc = await makeLocation();
    await patch(loc.slug, { description: "Audited" });
    const db = await getDb();
    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, loc.id), eq(auditLog.action, "location.update")));
    expect(row?.before).toMatchObject({ description: null });
    expect(row?.after).toMatchObject({ description: "Audited" });
  });
});

describe("DELETE /api/v1/locations/{ref}", () => {
  it("deletes an unused location, clearing it as its workers' home", async () => {
    const loc = await makeLocation();
    const worker = await makeWorker({ locationId: loc.id });
    expect((await remove(loc.slug)).status).toBe(204);
    const db = await getDb();
    expect(await db.select().from(locations).where(eq(locations.id, loc.id))).toEqual([]);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.entityId, loc.id));
    expect(row).toMatchObject({ action: "location.delete", after: null });
    const [home] = await db.select({ locationId: workers.locationId }).from(workers).where(eq(workers.id, worker.id));
    expect(home).toEqual({ locationId: null });
  });

  it("lists booked appointments ahead in a 409 has_appointments", async () => {
    const loc = await makeLocation({ timezone: "Asia/Tokyo" });
    const booked = await makeAppointment({ locationId: loc.id, ...hoursAhead(24, 25) });
    const res = await remove(loc.id);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("has_appointments");
    expect(res.json.error.details.appointments).toEqual([
      expect.objectContaining({ id: booked.id, status: "booked", start: expect.stringMatching(/\+09:00$/) }),
    ]);
  });

  it("keeps a location that past appointments, shifts or a weekly schedule refer to (409, not 500)", async () => {
    const past = await makeLocation();
    await makeAppointment({ locationId: past.id, ...hoursAhead(-30, -29) });
    const withShift = await makeLocation();
    const worker = await makeWorker();
    await makeShift({
      workerId: worker.id,
      locationId: withShift.id,
      ...hoursAhead(48, 50),
    });
    const withSchedule = await makeLocation();
    const db = await getDb();
    await db
      .insert(weeklySchedules)
      .values({ workerId: worker.id, locationId: withSchedule.id, validFrom: "2030-01-01" });

    for (const [loc, detail] of [
      [past, { appointmentsOnRecord: 1 }],
      [withShift, { shifts: 1 }],
      [withSchedule, { weeklySchedules: 1 }],
    ] as const) {
      const res = await remove(loc.slug);
      expect(res.status).toBe(409);
      expect(res.json.error).toMatchObject({ code: "has_appointments", details: { appointments: [], ...detail } });
      expect((await get(loc.id)).status).toBe(200);
    }
  });
});
