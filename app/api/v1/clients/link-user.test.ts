// Registering never takes over a desk record by email (emails are not verified); staff link the two
// with POST /clients/{id}/link-user, and nothing the account had is lost.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as appointmentsOf } from "@/app/api/v1/appointments/route";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { getDb } from "@/db/client";
import { findClientById, findClientOfUser } from "@/db/queries/clients";
import { auditLog, clients } from "@/db/schema";
import { everyCaller, makeAppointment, makeClient, makeLocation, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { POST as linkUser } from "./[id]/link-user/route";

const link = (id: string, body: unknown, token?: string) =>
  call(linkUser, "POST", `/api/v1/clients/${id}/link-user`, { token, params: { id }, body });

async function deskRecord(values: Partial<typeof clients.$inferInsert>) {
  const db = await getDb();
  const row = await makeClient(values.name ?? "Walk-in");
  if (Object.keys(values).length === 0) return row;
  const [changed] = await db.update(clients).set(values).where(eq(clients.id, row.id)).returning();
  if (!changed) throw new Error("client update failed");
  return changed;
}

async function registered(email: string) {
  const res = await call(register, "POST", "/api/v1/auth/register", {
    body: { email, password: "a long passphrase", name: "Newcomer" },
    headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` },
  });
  expect(res.status).toBe(201);
  return res.json.user.id as string;
}

const tokenOf = async (email: string) =>
  (
    await call((await import("@/app/api/v1/auth/token/route")).POST, "POST", "/api/v1/auth/token", {
      body: { email, password: "a long passphrase" },
    })
  ).json.accessToken as string;

async function appointmentAt(clientId: string, hoursAhead: number) {
  const location = await makeLocation();
  const startAt = new Date(Date.now() + hoursAhead * 3_600_000);
  return makeAppointment({
    clientId,
    locationId: location.id,
    startAt,
    endAt: new Date(startAt.getTime() + 3_600_000),
  });
}

describe("registering with the email of a desk record", () => {
  it("makes a record of its own and shows none of the desk record's appointments, phone or notes", async () => {
    const email = `walkin-${crypto.randomUUID()}@example.test`;
    const desk = await deskRecord({ email, phone: "+7 900 000-00-00", notes: "allergic to latex" });
    const booked = await appointmentAt(desk.id, 24);
    const userId = await registered(email.toUpperCase());

    const db = await getDb();
    const own = await findClientOfUser(db, userId);
    expect(own?.id).not.toBe(desk.id);
    expect(own).toMatchObject({ phone: null, notes: null });
    expect((await findClientById(db, desk.id))?.userId).toBeNull();
    const mine = await call(appointmentsOf, "GET", "/api/v1/appointments", { token: await tokenOf(email) });
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((a: { id: string }) => a.id)).not.toContain(booked.id);
  });
});

describe("POST /clients/{id}/link-user", () => {
  it("is for admin and manager only", async () => {
    const desk = await deskRecord({});
    const { user } = await userWithToken("client");
    const [anonymous, client, admin] = await everyCaller();
    expect((await link(desk.id, { userId: user.id }, anonymous)).status).toBe(401);
    expect((await link(desk.id, { userId: user.id }, client)).status).toBe(403);
    expect((await findClientById(await getDb(), desk.id))?.userId).toBeNull();
    expect((await link(desk.id, { userId: user.id }, admin)).status).toBe(200);
    const manager = await userWithToken("manager");
    const other = await deskRecord({});
    expect((await link(other.id, { userId: (await userWithToken("client")).user.id }, manager.token)).status).toBe(200);
  });

  it("links, moves the account's own appointments onto the record, keeps its details, and audits", async () => {
    const email = `merge-${crypto.randomUUID()}@example.test`;
    const desk = await deskRecord({ email, notes: "prefers mornings", gender: "female" });
    const deskBooking = await appointmentAt(desk.id, 24);
    const userId = await registered(email);
    const db = await getDb();
    const own = await findClientOfUser(db, userId);
    if (!own) throw new Error("registering made no client record");
    await db
      .update(clients)
      .set({ phone: "+7 911 111-11-11", notes: "booked online", gender: "other" })
      .where(eq(clients.id, own.id));
    const ownBooking = await appointmentAt(own.id, 48);
    const admin = await userWithToken("admin");

    const res = await link(desk.id, { userId }, admin.token);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: desk.id,
      userId,
      email,
      phone: "+7 911 111-11-11",
      gender: "female",
      // What the account's record said otherwise is kept in the notes.
      notes: "prefers mornings\n\nbooked online\n\ngender: other",
    });
    expect((await findClientOfUser(db, userId))?.id).toBe(desk.id);
    expect(await findClientById(db, own.id)).toBeUndefined();
    // Both appointments are now the user's own.
    const mine = await call(appointmentsOf, "GET", "/api/v1/appointments", { token: await tokenOf(email) });
    expect(mine.json.items.map((a: { id: string }) => a.id).sort()).toEqual([deskBooking.id, ownBooking.id].sort());

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "client"), eq(auditLog.entityId, desk.id)));
    expect(audit).toMatchObject([
      {
        action: "client.link_user",
        actorId: admin.user.id,
        before: { userId: null, accountRecordId: own.id },
        after: { userId, movedAppointmentIds: [ownBooking.id] },
      },
    ]);
  });

  it("links a user who has no record yet", async () => {
    const desk = await deskRecord({});
    const { user } = await userWithToken("client");
    const admin = await userWithToken("admin");
    expect((await link(desk.id, { userId: user.id }, admin.token)).json.userId).toBe(user.id);
    expect((await findClientOfUser(await getDb(), user.id))?.id).toBe(desk.id);
  });

  it("refuses a record already linked (409), unknown ids (404) and bad bodies (400), changing nothing", async () => {
    const admin = await userWithToken("admin");
    const first = await userWithToken("client");
    const second = await userWithToken("client");
    const desk = await deskRecord({});
    expect((await link(desk.id, { userId: first.user.id }, admin.token)).status).toBe(200);

    for (const userId of [first.user.id, second.user.id]) {
      const again = await link(desk.id, { userId }, admin.token);
      expect(again.status).toBe(409);
      expect(again.json.error).toMatchObject({ code: "already_exists", details: { field: "userId" } });
    }
    expect((await findClientById(await getDb(), desk.id))?.userId).toBe(first.user.id);

    const missing = "00000000-0000-4000-8000-000000000000";
    const other = await deskRecord({});
    expect((await link(missing, { userId: second.user.id }, admin.token)).status).toBe(404);
    expect((await link(other.id, { userId: missing }, admin.token)).json.error.code).toBe("not_found");
    expect((await link(other.id, { userId: "nope" }, admin.token)).json.error.code).toBe("validation_failed");
    expect((await link(other.id, {}, admin.token)).status).toBe(400);
    expect((await findClientById(await getDb(), other.id))?.userId).toBeNull();
  });
});
