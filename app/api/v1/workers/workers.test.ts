import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { auditLog, shifts, workers } from "@/db/schema";
import { catalogApi, hoursAhead, issuePaths, withCallers } from "@/testing/catalog";
import { makeAppointment, makeLocation, makeService, makeShift, makeSpecialty, makeWorker } from "@/testing/fixtures";
import * as item from "./[ref]/route";
import * as collection from "./route";

const callers = withCallers();
const { list, get, create, patch, remove } = catalogApi("workers", collection, item, callers);
const names = async (query: string, token?: string) =>
  (await list(query, token)).json.items.map((w: { name: string }) => w.name).sort();

describe("POST /api/v1/workers", () => {
  it("creates a worker from refs by slug or id, with defaults, and answers the Worker shape", async () => {
    const specialty = await makeSpecialty("Массажист");
    const location = await makeLocation();
    const [massage, spa] = [await makeService({ name: "Массаж" }), await makeService({ name: "Аромаванна" })];
    const res = await create({
      name: "Анна Смирнова",
      bio: "  Мастер  ",
      specialtyId: specialty.slug,
      locationId: location.id,
      serviceIds: [massage.slug, spa.id, massage.id],
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      slug: "anna-smirnova",
      name: "Анна Смирнова",
      bio: "Мастер",
      avatarUrl: null,
      active: true,
      specialty: { id: specialty.id, slug: specialty.slug, name: "Массажист" },
      location: expect.objectContaining({ id: location.id, slug: location.slug }),
      services: [expect.objectContaining({ id: spa.id }), expect.objectContaining({ id: massage.id })],
      slotStepMinutes: null,
      bookingHorizonDays: 7,
      // A manager sees the linked user account: none yet.
      userId: null,
    });
    expect((await create({ name: "Анна  Смирнова" })).json.slug).toBe("anna-smirnova-2");
    const byAlias = await create({ name: "Alias", services: [massage.slug] });
    expect(byAlias.json.services.map((s: { id: string }) => s.id)).toEqual([massage.id]);
  });

  it('never slugs a worker "any", which booking reads as "any specialist"', async () => {
    const given = await create({ name: "Given Any", slug: "any" });
    expect(given.status).toBe(400);
    expect(given.json.error.code).toBe("validation_failed");
    expect(issuePaths(given)).toEqual(["slug"]);
    expect((await create({ name: "Any" })).json.slug).toBe("any-x");
    const worker = await makeWorker();
    expect((await patch(worker.slug, { slug: "any" })).status).toBe(400);
  });

  it("answers 400 with the path of each bad field or unknown reference, and creates nothing", async () => {
    const service = await makeService();
    const res = await create({
      name: "Never Created",
      specialtyId: "no-such-specialty",
      locationId: "00000000-0000-4000-8000-000000000000",
      serviceIds: [service.slug, "no-such-service"],
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect(issuePaths(res)).toEqual(["locationId", "serviceIds.1", "specialtyId"]);
    const db = await getDb();
    expect(await db.select().from(workers).where(eq(workers.name, "Never Created"))).toEqual([]);

    const fields = await create({
      name: "",
      avatarUrl: "not a url",
      slotStepMinutes: 0,
      bookingHorizonDays: 367,
      active: 1,
      serviceIds: "svc",
    });
    expect(issuePaths(fields)).toEqual([
      "active",
      "avatarUrl",
      "bookingHorizonDays",
      "name",
      "serviceIds",
      "slotStepMinutes",
    ]);
    expect(issuePaths(await create({ name: "Both", serviceIds: [], services: [] }))).toEqual(["services"]);
  });
});

describe("PATCH /api/v1/workers/{ref}", () => {
  it("moves the worker to another location, sets the full list of services, and leaves the rest", async () => {
    const [home, other] = [await makeLocation(), await makeLocation()];
    const [a, b, c] = [
      await makeService({ name: "A" }),
      await makeService({ name: "B" }),
      await makeService({ name: "C" }),
    ];
    const specialty = await makeSpecialty();
    const worker = await makeWorker(
      { locationId: home.id, specialtyId: specialty.id, bio: "Stays", slotStepMinutes: 15 },
      [a.id, b.id],
    );
    const moved = await patch(worker.slug, { locationId: other.slug, serviceIds: [c.slug, b.id] });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({
      id: worker.id,
      slug: worker.slug,
      name: worker.name,
      bio: "Stays",
      slotStepMinutes: 15,
      specialty: { id: specialty.id },
      location: { id: other.id },
    });
    expect(moved.json.services.map((s: { name: string }) => s.name)).toEqual(["B", "C"]);

    const cleared = await patch(worker.id, { serviceIds: [], specialtyId: null, slotStepMinutes: null });
    expect(cleared.json).toMatchObject({
      services: [],
      specialty: null,
      slotStepMinutes: null,
      location: { id: other.id },
    });

    const db = await getDb();
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, worker.id), eq(auditLog.action, "worker.update")))
      .orderBy(auditLog.id);
    expect(audits[0]?.before).toMatchObject({ location: { id: home.id }, services: [{ id: a.id }, { id: b.id }] });
    expect(audits[0]?.after).toMatchObject({ location: { id: other.id }, services: [{ id: b.id }, { id: c.id }] });
  });

  it("refuses unknown references with 400 and changes nothing", async () => {
    const worker = await makeWorker({ bio: "Before" });
    const res = await patch(worker.slug, { bio: "After", locationId: "nowhere", serviceIds: ["nothing"] });
    expect(res.status).toBe(400);
    expect(issuePaths(res)).toEqual(["locationId", "serviceIds.0"]);
    expect((await get(worker.id)).json.bio).toBe("Before");
  });
});

describe("GET /api/v1/workers filters", () => {
  let slugs: Record<string, string>;
  beforeAll(async () => {
    // Make names behave as on a server initialised with the C locale, where lower() and ILIKE fold
    // only ASCII: the search must not depend on it.
    const db = await getDb();
    await db.execute(sql`alter table workers alter column name type text collate "C"`);
    const [therapist, barber] = [await makeSpecialty(), await makeSpecialty()];
    const [north, south] = [await makeLocation(), await makeLocation()];
    const [cut, shave] = [await makeService(), await makeService()];
    const worker = (name: string, specialtyId: string, locationId: string, serviceIds: string[], active = true) =>
      makeWorker({ name, specialtyId, locationId, active }, serviceIds);
    await worker("Дарья Волкова", therapist.id, north.id, [cut.id]);
    await worker("Daria Wolf", therapist.id, south.id, [cut.id, shave.id]);
    await worker("Иван Петров", barber.id, north.id, [shave.id]);
    await worker("Алёна Ёлкина", barber.id, south.id, []);
    await worker("Zoë 100%_Off", barber.id, south.id, []);
    await worker("Дарья Уволенная", therapist.id, north.id, [cut.id], false);
    slugs = { therapist: therapist.slug, barber: barber.id, north: north.slug, south: south.id, cut: cut.slug };
    slugs.shave = shave.id;
  });

  it("runs where lower() would not fold Cyrillic", async () => {
    const [row] = await queryRows<{ lowered: string }>(
      await getDb(),
      sql`select lower(name) as lowered from workers where name = 'Дарья Волкова'`,
    );
    expect(row?.lowered).toBe("Дарья Волкова");
  });

  it("combines specialty, location and service (each by id or slug) with AND", async () => {
    expect(await names(`specialty=${slugs.therapist}`)).toEqual(["Daria Wolf", "Дарья Волкова"]);
    expect(await names(`specialty=${slugs.therapist}&location=${slugs.north}`)).toEqual(["Дарья Волкова"]);
    expect(await names(`service=${slugs.cut}&location=${slugs.south}`)).toEqual(["Daria Wolf"]);
    expect(await names(`service=${slugs.shave}&specialty=${slugs.barber}`)).toEqual(["Иван Петров"]);
    expect(await names(`service=${slugs.shave}&specialty=${slugs.barber}&q=daria`)).toEqual([]);
    expect(await names("specialty=no-such-specialty")).toEqual([]);
  });

  it.each([
    ["дарья", ["Дарья Волкова"]],
    ["ДАРЬЯ", ["Дарья Волкова"]],
    ["дАРЬя вОЛК", ["Дарья Волкова"]],
    ["волкова дарья", ["Дарья Волкова"]],
    ["daria", ["Daria Wolf"]],
    ["DARIA", ["Daria Wolf"]],
    ["алена елкина", ["Алёна Ёлкина"]],
    ["ЁЛКИНА", ["Алёна Ёлкина"]],
    ["ZOË", ["Zoë 100%_Off"]],
    ["%", ["Zoë 100%_Off"]],
    ["0%_o", ["Zoë 100%_Off"]],
    ["_", ["Zoë 100%_Off"]],
    ["\\", []],
  ])("q=%s finds %j", async (q, expected) => {
    expect(await names(`q=${encodeURIComponent(q)}`)).toEqual(expected);
  });

  it("shows inactive workers only to a manager who asks", async () => {
    for (const token of [undefined, callers.client, callers.admin]) {
      expect(await names("q=Уволенная&includeInactive=true", token)).toEqual([]);
    }
    expect(await names("q=Уволенная", callers.manager)).toEqual([]);
    expect(await names("q=Уволенная&includeInactive=true", callers.manager)).toEqual(["Дарья Уволенная"]);
  });
});

describe("DELETE /api/v1/workers/{ref}", () => {
  it("refuses while booked appointments lie ahead, listing them", async () => {
    const location = await makeLocation();
    const worker = await makeWorker();
    const booked = await makeAppointment({
      locationId: location.id,
      workerId: worker.id,
      ...hoursAhead(-1, 1),
    });
    const res = await remove(worker.slug);
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({
      code: "has_appointments",
      details: { appointments: [{ id: booked.id, workerId: worker.id }], total: 1 },
    });
  });

  it("deactivates a worker with past appointments, dropping shifts not yet started; deletes one without", async () => {
    const location = await makeLocation();
    const worker = await makeWorker({ locationId: location.id });
    await makeAppointment({
      locationId: location.id,
      workerId: worker.id,
      ...hoursAhead(-48, -47),
    });
    const pastShift = await makeShift({
      workerId: worker.id,
      locationId: location.id,
      ...hoursAhead(-49, -40),
    });
    await makeShift({
      workerId: worker.id,
      locationId: location.id,
      ...hoursAhead(20, 28),
    });
    expect((await remove(worker.id)).status).toBe(204);
    const retired = await get(worker.slug);
    expect(retired.json.active).toBe(false);
    expect(await names(`location=${location.id}`)).toEqual([]);
    const db = await getDb();
    const left = await db.select({ id: shifts.id }).from(shifts).where(eq(shifts.workerId, worker.id));
    expect(left).toEqual([{ id: pastShift.id }]);

    const fresh = await makeWorker({}, [(await makeService()).id]);
    await makeShift({
      workerId: fresh.id,
      locationId: location.id,
      ...hoursAhead(30, 31),
    });
    expect((await remove(fresh.slug)).status).toBe(204);
    expect((await get(fresh.id)).status).toBe(404);
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entity, "worker"));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["worker.deactivate", "worker.delete"]));
  });
});
