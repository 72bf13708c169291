import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, services, workerServices } from "@/db/schema";
import { catalogApi, hoursAhead, issuePaths, withCallers } from "@/testing/catalog";
import { makeAppointment, makeLocation, makeService, makeWorker } from "@/testing/fixtures";
import * as item from "./[ref]/route";
import * as collection from "./route";

const callers = withCallers();
const { list, get, create, patch, remove } = catalogApi("services", collection, item, callers);
const listIds = async (query: string, token?: string) =>
  (await list(query, token)).json.items.map((s: { id: string }) => s.id);

describe("POST /api/v1/services", () => {
  it("creates a service with RUB and active by default and a slug from the Cyrillic name", async () => {
    const res = await create({ name: "Стрижка машинкой", durationMinutes: 45, price: 1500.5 });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      slug: "strizhka-mashinkoy",
      name: "Стрижка машинкой",
      description: null,
      durationMinutes: 45,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      price: 1500.5,
      currency: "RUB",
      imageUrl: null,
      active: true,
    });
    const again = await create({ name: "Стрижка машинкой", durationMinutes: 45, price: 0, currency: "eur" });
    expect(again.json).toMatchObject({ slug: "strizhka-mashinkoy-2", price: 0, currency: "EUR" });
  });

  it("answers 400 naming each bad field", async () => {
    const res = await create({
      name: "x".repeat(201),
      durationMinutes: 0,
      price: 10.005,
      currency: "RUBLE",
      imageUrl: "javascript:alert(1)",
      active: "yes",
    });
    expect(res.status).toBe(400);
    expect(issuePaths(res)).toEqual(["active", "currency", "durationMinutes", "imageUrl", "name", "price"]);
    const more = await create({
      name: "X",
      durationMinutes: 1441,
      price: -1,
      currency: "ABC",
      imageUrl: "ftp://x.y/z",
    });
    expect(issuePaths(more)).toEqual(["currency", "durationMinutes", "imageUrl", "price"]);
    expect(issuePaths(await create({ name: "X", durationMinutes: 30.5, price: "100" }))).toEqual([
      "durationMinutes",
      "price",
    ]);
    const ok = await create({
      name: "Ok",
      durationMinutes: 1440,
      price: 19.99,
      imageUrl: "https://cdn.example.com/a.png",
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ price: 19.99, imageUrl: "https://cdn.example.com/a.png" });
  });
});

describe("GET /api/v1/services", () => {
  it("hides inactive services except from a manager who asks for them", async () => {
    const active = await makeService();
    const inactive = await makeService({ active: false });
    for (const token of [undefined, callers.client, callers.admin]) {
      const ids = await listIds("includeInactive=true", token);
      expect(ids).toContain(active.id);
      expect(ids).not.toContain(inactive.id);
    }
    expect(await listIds("", callers.manager)).not.toContain(inactive.id);
    expect(await listIds("includeInactive=true", callers.manager)).toContain(inactive.id);
    expect(issuePaths(await list("includeInactive=maybe"))).toEqual(["includeInactive"]);
    // One by ref is still readable, marked inactive, e.g. for a past appointment's page.
    expect((await get(inactive.slug)).json.active).toBe(false);
  });
});

describe("PATCH /api/v1/services/{ref}", () => {
  it("changes only the fields given", async () => {
    const service = await makeService({ description: "Long", currency: "USD" });
    const res = await patch(service.slug, { price: 2500, active: false });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      slug: service.slug,
      name: service.name,
      description: "Long",
      currency: "USD",
      durationMinutes: service.durationMinutes,
      price: 2500,
      active: false,
    });
    expect(issuePaths(await patch(service.id, { price: 1.234, durationMinutes: null }))).toEqual([
      "durationMinutes",
      "price",
    ]);
  });
});

describe("DELETE /api/v1/services/{ref}", () => {
  it("refuses while booked appointments lie ahead, listing them (409 has_appointments)", async () => {
    const location = await makeLocation();
    const service = await makeService();
    const later = await makeAppointment({
      locationId: location.id,
      serviceId: service.id,
      ...hoursAhead(50, 51),
    });
    const sooner = await makeAppointment({
      locationId: location.id,
      serviceId: service.id,
      ...hoursAhead(26, 27),
    });
    const res = await remove(service.slug);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("has_appointments");
    expect(res.json.error.details.appointments.map((a: { id: string }) => a.id)).toEqual([sooner.id, later.id]);
    expect(res.json.error.details.appointments[0]).toMatchObject({ serviceId: service.id, start: expect.any(String) });
    expect((await get(service.id)).json.active).toBe(true);
  });

  it("deactivates a service that only past or cancelled appointments name, and deletes an unused one", async () => {
    const location = await makeLocation();
    const used = await makeService();
    const performer = await makeWorker({}, [used.id]);
    await makeAppointment({
      locationId: location.id,
      serviceId: used.id,
      ...hoursAhead(-5, -4),
    });
    await makeAppointment({
      locationId: location.id,
      serviceId: used.id,
      ...hoursAhead(30, 31),
      status: "cancelled",
      cancelledAt: new Date(),
    });
    const res = await remove(used.slug);
    expect(res.status).toBe(204);
    const retired = await get(used.slug);
    expect(retired.json.active).toBe(false);
    expect(await listIds("")).not.toContain(used.id);
    const db = await getDb();
    // Retired like a delete: no worker offers it any more.
    expect(await db.select().from(workerServices).where(eq(workerServices.workerId, performer.id))).toEqual([]);

    const unused = await makeService();
    const worker = await makeWorker({}, [unused.id]);
    expect((await remove(unused.id)).status).toBe(204);
    expect(await db.select().from(services).where(eq(services.id, unused.id))).toEqual([]);
    expect(await db.select().from(workerServices).where(eq(workerServices.workerId, worker.id))).toEqual([]);
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entity, "service"));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["service.deactivate", "service.delete"]));
  });
});
