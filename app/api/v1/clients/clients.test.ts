import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, auditLog, clients } from "@/db/schema";
import { hoursAhead, issuePaths, withCallers } from "@/testing/catalog";
import { makeAppointment, makeClient, makeLocation, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import * as register from "../auth/register/route";
import * as item from "./[id]/route";
import * as collection from "./route";

const callers = withCallers();
const at = (id: string) => ({ url: `/api/v1/clients/${id}`, params: { id } });
const api = {
  list: (q = "") =>
    call(collection.GET, "GET", `/api/v1/clients?limit=200&q=${encodeURIComponent(q)}`, { token: callers.admin }),
  create: (body: unknown) => call(collection.POST, "POST", "/api/v1/clients", { token: callers.admin, body }),
  get: (id: string) => call(item.GET, "GET", at(id).url, { token: callers.admin, params: at(id).params }),
  patch: (id: string, body: unknown) =>
    call(item.PATCH, "PATCH", at(id).url, { token: callers.admin, params: at(id).params, body }),
  remove: (id: string) => call(item.DELETE, "DELETE", at(id).url, { token: callers.admin, params: at(id).params }),
};
const names = (res: { json: { items: { name: string }[] } }) => res.json.items.map((c) => c.name);

describe("/api/v1/clients", () => {
  it("creates a client with every field and reads it back", async () => {
    const body = {
      name: "Мария Иванова",
      phone: "+7 (912) 555-01-02",
      email: " Maria@Example.TEST ",
      gender: "female",
      birthDate: "1990-04-01",
      notes: "Prefers mornings",
    };
    const res = await api.create(body);
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      ...body,
      email: "maria@example.test",
      userId: null,
    });
    expect((await api.get(res.json.id)).json).toEqual(res.json);
  });

  it("refuses bad fields with their paths and creates nothing", async () => {
    const before = (await api.list()).json.items.length;
    const res = await api.create({ name: "", phone: "call me", email: "nope", gender: "x", birthDate: "1990-13-01" });
    expect(res.status).toBe(400);
    expect(issuePaths(res)).toEqual(["birthDate", "email", "gender", "name", "phone"]);
    for (const birthDate of ["1899-12-31", "0000-01-01", "2999-01-01", "born-1990", "1990-13-45"]) {
      expect(issuePaths(await api.create({ name: "Ageless", birthDate }))).toEqual(["birthDate"]);
    }
    expect((await api.list()).json.items).toHaveLength(before);
  });

  it("finds clients by any word of name, email or phone, in any case and script", async () => {
    await api.create({ name: "Анна Сергеевна Ёлкина", phone: "+7 900 111-22-33", email: "anna.search@example.test" });
    await api.create({ name: "Boris Search", email: "boris.search@example.test" });
    expect(names(await api.list("анна ЕЛКИНА"))).toEqual(["Анна Сергеевна Ёлкина"]);
    expect(names(await api.list("ANNA.SEARCH@"))).toEqual(["Анна Сергеевна Ёлкина"]);
    expect(names(await api.list("search@example"))).toEqual(["Boris Search", "Анна Сергеевна Ёлкина"]);
    expect(names(await api.list("boris example.test"))).toEqual(["Boris Search"]);
    expect(names(await api.list("100%"))).toEqual([]);
  });

  it("matches a phone ignoring spaces, dashes and brackets", async () => {
    await api.create({ name: "Phone Person", phone: "+7 (900) 123 45 67" });
    expect(names(await api.list("900-123-4567"))).toEqual(["Phone Person"]);
    expect(names(await api.list("+79001234567"))).toEqual(["Phone Person"]);
    expect(names(await api.list("(900) 1234"))).toEqual(["Phone Person"]);
    expect(names(await api.list("900-999"))).toEqual([]);
  });

  it("changes only the fields given, and null or empty clears them", async () => {
    const made = (await api.create({ name: "Patch Me", phone: "123-456", notes: "n", gender: "male" })).json;
    const res = await api.patch(made.id, { email: "patched@example.test", phone: "", notes: null });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ...made, email: "patched@example.test", phone: null, notes: null });
    expect((await api.patch(made.id, {})).json).toEqual(res.json);
    expect(issuePaths(await api.patch(made.id, { name: null }))).toEqual(["name"]);
  });

  it("answers 404 for an unknown id and 400 for one that is not an id", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const res of [await api.get(unknown), await api.patch(unknown, { name: "x" }), await api.remove(unknown)]) {
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect((await api.get("not-an-id")).json.error.code).toBe("validation_failed");
  });

  it("deletes a client without appointments outright", async () => {
    const made = (await api.create({ name: "Gone Soon" })).json;
    expect((await api.remove(made.id)).status).toBe(204);
    expect((await api.get(made.id)).status).toBe(404);
    expect(await (await getDb()).select().from(clients).where(eq(clients.id, made.id))).toEqual([]);
  });

  it("refuses 409 has_appointments while a booked appointment lies ahead, listing it", async () => {
    const location = await makeLocation();
    const client = await makeClient("Booked Ahead");
    const ahead = await makeAppointment({ locationId: location.id, clientId: client.id, ...hoursAhead(24, 25) });
    const res = await api.remove(client.id);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("has_appointments");
    expect(res.json.error.details.appointments.map((a: { id: string }) => a.id)).toEqual([ahead.id]);
    expect((await api.get(client.id)).json.name).toBe("Booked Ahead");
  });

  it("erases a client whom only past or cancelled appointments reference, keeping the appointments", async () => {
    const location = await makeLocation();
    const { user } = await userWithToken("client");
    const client = (await api.create({ name: "Past Visitor", phone: "555-0101", email: "past@example.test" })).json;
    const db = await getDb();
    await db.update(clients).set({ userId: user.id, notes: "allergic" }).where(eq(clients.id, client.id));
    const past = await makeAppointment({ locationId: location.id, clientId: client.id, ...hoursAhead(-48, -47) });
    const cancelled = await makeAppointment({
      locationId: location.id,
      clientId: client.id,
      ...hoursAhead(48, 49),
      status: "cancelled",
      cancelledAt: new Date(),
    });
    expect((await api.remove(client.id)).status).toBe(204);
    expect((await api.get(client.id)).status).toBe(404);
    expect(names(await api.list("Past Visitor"))).toEqual([]);
    const [row] = await db.select().from(clients).where(eq(clients.id, client.id));
    expect(row).toMatchObject({ name: "Deleted client", phone: null, email: null, notes: null, userId: null });
    expect(row?.erasedAt).toBeInstanceOf(Date);
    const kept = await db.select().from(appointments).where(eq(appointments.clientId, client.id));
    expect(kept.map((a) => a.id).sort()).toEqual([past.id, cancelled.id].sort());
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, client.id));
    expect(audit).toMatchObject([{ action: "client.erase", entity: "client", before: { userId: user.id } }]);
    expect(JSON.stringify(audit)).not.toContain("past@example.test");
    // A second delete finds nothing left to delete.
    expect((await api.remove(client.id)).status).toBe(404);
  });

  it("registering with the email of a desk record leaves that record alone and makes the account its own", async () => {
    const desk = (await api.create({ name: "Phoned In", email: "walkin@example.test", phone: "555-0199" })).json;
    const signUp = (email: string) =>
      call(register.POST, "POST", "/api/v1/auth/register", { body: { email, password: "long enough", name: "Self" } });
    const stranger = await signUp("WalkIn@example.test");
    expect(stranger.status).toBe(201);
    // Emails are not verified: the desk's record (phone, notes, appointments) stays unlinked.
    expect((await api.get(desk.id)).json).toEqual(desk);
    const found = (await api.list("walkin@example.test")).json.items;
    expect(found).toHaveLength(2);
    expect(found).toEqual(
      expect.arrayContaining([desk, expect.objectContaining({ name: "Self", userId: stranger.json.user.id })]),
    );
  });
});
