// The desk's client card: duplicates of a new record (GET /clients/duplicates), merging two records of
// one person (POST /clients/{id}/merge), and the card's figures and messages counted by the database.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findClientById } from "@/db/queries/clients";
import { insertNotifications } from "@/db/queries/notifications";
import { appointments, auditLog, clients, guestClients, notifications, waitlistEntries } from "@/db/schema";
import { clientCardFigures, clientCardMessages } from "@/lib/people/client-card";
import { everyCaller, makeAppointment, makeClient, makeLocation, makeService, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { POST as merge } from "./[id]/merge/route";
import { GET as duplicates } from "./duplicates/route";

const HOUR = 3_600_000;

async function record(values: Partial<typeof clients.$inferInsert> = {}) {
  const row = await makeClient(values.name ?? `Person ${crypto.randomUUID().slice(0, 8)}`);
  if (Object.keys(values).length === 0) return row;
  const [changed] = await (await getDb()).update(clients).set(values).where(eq(clients.id, row.id)).returning();
  if (!changed) throw new Error("client update failed");
  return changed;
}

async function appointmentOf(
  clientId: string,
  hoursAhead: number,
  values: Partial<typeof appointments.$inferInsert> = {},
) {
  const location = await makeLocation();
  const startAt = new Date(Date.now() + hoursAhead * HOUR);
  return makeAppointment({
    clientId,
    locationId: location.id,
    startAt,
    endAt: new Date(startAt.getTime() + HOUR),
    ...values,
  });
}

async function messageAbout(appointmentId: string, kind: "confirmation" | "reminder", status: "sent" | "dropped") {
  const key = crypto.randomUUID();
  const [row] = await insertNotifications(await getDb(), [
    {
      appointmentId,
      kind,
      toAddress: "person@example.test",
      locale: "en",
      subject: `Subject ${kind}`,
      text: "text",
      html: "<p>text</p>",
      messageId: `<${key}@example.test>`,
      status,
      sendAfter: new Date(),
      sentAt: status === "sent" ? new Date() : null,
      dedupeKey: key,
    },
  ]);
  if (!row) throw new Error("notification insert failed");
  return row;
}

async function waitlistEntry(clientId: string, serviceId: string, date: string) {
  const [row] = await (await getDb())
    .insert(waitlistEntries)
    .values({
      clientId,
      serviceId,
      date,
      timeZone: "UTC",
      windowStart: new Date(`${date}T00:00:00Z`),
      windowEnd: new Date(`${date}T23:59:00Z`),
    })
    .returning();
  if (!row) throw new Error("waitlist insert failed");
  return row;
}

const find = (query: Record<string, string>, token?: string) =>
  call(duplicates, "GET", `/api/v1/clients/duplicates?${new URLSearchParams(query)}`, { token });

const mergeInto = (id: string, body: unknown, token?: string) =>
  call(merge, "POST", `/api/v1/clients/${id}/merge`, { token, params: { id }, body });

describe("GET /clients/duplicates", () => {
  it("finds records by the phone's digits and by the email in any case, never erased or excluded ones", async () => {
    const digits = String(Date.now()).slice(-9);
    const phone = `+7 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
    const email = `dup-${crypto.randomUUID()}@example.test`;
    const byPhone = await record({ phone });
    const byEmail = await record({ email });
    const erased = await record({ phone, erasedAt: new Date() });
    const { token } = await userWithToken("admin");

    const phoneHits = await find({ phone: `7${digits}` }, token);
    expect(phoneHits.status).toBe(200);
    expect(phoneHits.json.items.map((c: { id: string }) => c.id)).toEqual([byPhone.id]);
    const emailHits = await find({ email: email.toUpperCase() }, token);
    expect(emailHits.json.items.map((c: { id: string }) => c.id)).toEqual([byEmail.id]);
    const both = await find({ phone: `+7${digits}`, email }, token);
    expect(both.json.items.map((c: { id: string }) => c.id).sort()).toEqual([byPhone.id, byEmail.id].sort());
    expect(both.json.items.map((c: { id: string }) => c.id)).not.toContain(erased.id);
    const excluded = await find({ email, excludeId: byEmail.id }, token);
    expect(excluded.json.items).toEqual([]);
    // A few digits match too many phones by chance to warn about.
    expect((await find({ phone: digits.slice(-4) }, token)).json.items).toEqual([]);
  });

  it("is for admin and manager only, and wants a phone or an email", async () => {
    const [anonymous, client, admin, manager] = await everyCaller();
    expect((await find({ email: "a@example.test" }, anonymous)).status).toBe(401);
    expect((await find({ email: "a@example.test" }, client)).status).toBe(403);
    expect((await find({ email: "a@example.test" }, manager)).status).toBe(200);
    const none = await find({}, admin);
    expect(none.status).toBe(400);
    expect(none.json.error.code).toBe("validation_failed");
    expect((await find({ email: "a@example.test", excludeId: "nope" }, admin)).status).toBe(400);
  });
});

describe("POST /clients/{id}/merge", () => {
  it("moves every appointment and its messages, keeps both records' details, deletes the merged one and audits", async () => {
    const db = await getDb();
    const email = `merge-${crypto.randomUUID()}@example.test`;
    const into = await record({ name: "Anna Petrova", phone: "+7 900 111-22-33", notes: "prefers mornings" });
    const from = await record({
      name: "Anna P.",
      email,
      phone: "+7 900 999-99-99",
      gender: "female",
      notes: "walk-in",
    });
    await db.insert(guestClients).values({ email, clientId: from.id });
    const past = await appointmentOf(from.id, -48, { status: "completed", price: 1500, currency: "RUB" });
    const ahead = await appointmentOf(from.id, 24);
    const own = await appointmentOf(into.id, 72);
    const sent = await messageAbout(ahead.id, "confirmation", "sent");
    const service = await makeService();
    const waiting = await waitlistEntry(from.id, service.id, "2030-01-02");
    // Both wait for the same service and day: one active entry per client, so the kept one's stays.
    const twin = await waitlistEntry(from.id, service.id, "2030-01-03");
    const keptTwin = await waitlistEntry(into.id, service.id, "2030-01-03");
    const admin = await userWithToken("admin");

    const res = await mergeInto(from.id, { intoId: into.id }, admin.token);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: into.id,
      name: "Anna Petrova",
      email,
      phone: "+7 900 111-22-33",
      gender: "female",
      notes: "prefers mornings\n\nwalk-in\n\nname: Anna P.\n\nphone: +7 900 999-99-99",
      userId: null,
    });
    expect(await findClientById(db, from.id)).toBeUndefined();
    const rows = await db.select().from(appointments).where(eq(appointments.clientId, into.id));
    expect(rows.map((a) => a.id).sort()).toEqual([past.id, ahead.id, own.id].sort());
    expect((await db.select().from(notifications).where(eq(notifications.id, sent.id))).length).toBe(1);
    expect((await clientCardMessages(into.id)).map((m) => m.id)).toEqual([sent.id]);
    const entries = await db.select().from(waitlistEntries).where(eq(waitlistEntries.clientId, into.id));
    expect(entries.map((e) => [e.id, e.status]).sort()).toEqual(
      [
        [waiting.id, "waiting"],
        [twin.id, "removed"],
        [keptTwin.id, "waiting"],
      ].sort(),
    );
    // A guest's unverified email never opens a desk record: the guest row goes with the merged record.
    expect(await db.select().from(guestClients).where(eq(guestClients.email, email))).toEqual([]);

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "client"), eq(auditLog.entityId, into.id)));
    expect(audit).toMatchObject([
      {
        action: "client.merge",
        actorId: admin.user.id,
        before: { mergedClientId: from.id, userId: null, mergedUserId: null },
        after: { userId: null },
      },
    ]);
    const after = (audit[0]?.after ?? {}) as { movedAppointmentIds?: string[]; movedWaitlistEntryIds?: string[] };
    expect([...(after.movedAppointmentIds ?? [])].sort()).toEqual([past.id, ahead.id].sort());
    expect([...(after.movedWaitlistEntryIds ?? [])].sort()).toEqual([waiting.id, twin.id].sort());
  });

  it("carries the merged record's account link over when only it has one", async () => {
    const { user } = await userWithToken("client");
    const from = await makeClient("Registered", user.id);
    const into = await record();
    const { token } = await userWithToken("manager");
    const res = await mergeInto(from.id, { intoId: into.id }, token);
    expect(res.status).toBe(200);
    expect(res.json.userId).toBe(user.id);
  });

  it("refuses overlapping booked appointments with 409 client_busy, changing nothing", async () => {
    const db = await getDb();
    const from = await record();
    const into = await record();
    const a = await appointmentOf(from.id, 24);
    const b = await appointmentOf(into.id, 24.5);
    // Cancelled ones never clash.
    await appointmentOf(from.id, 100, { status: "cancelled", cancelledAt: new Date() });
    await appointmentOf(into.id, 100);
    const { token } = await userWithToken("admin");

    const res = await mergeInto(from.id, { intoId: into.id }, token);
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({
      code: "client_busy",
      details: { appointments: [{ fromId: a.id, intoId: b.id }] },
    });
    expect(await findClientById(db, from.id)).toBeDefined();
    expect((await db.select().from(appointments).where(eq(appointments.id, a.id)))[0]?.clientId).toBe(from.id);
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, into.id))).toEqual([]);

    // Once one of them is cancelled, the two merge.
    await db
      .update(appointments)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(eq(appointments.id, b.id));
    expect((await mergeInto(from.id, { intoId: into.id }, token)).status).toBe(200);
  });

  it("refuses two accounts (409), itself (400), unknown records (404) and non-staff (401/403)", async () => {
    const first = await userWithToken("client");
    const second = await userWithToken("client");
    const from = await makeClient("One", first.user.id);
    const into = await makeClient("Two", second.user.id);
    const [anonymous, client, admin] = await everyCaller();

    const linked = await mergeInto(from.id, { intoId: into.id }, admin);
    expect(linked.status).toBe(409);
    expect(linked.json.error).toMatchObject({ code: "already_exists", details: { field: "userId" } });
    expect((await mergeInto(from.id, { intoId: from.id }, admin)).status).toBe(400);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await mergeInto(missing, { intoId: into.id }, admin)).status).toBe(404);
    expect((await mergeInto(from.id, { intoId: missing }, admin)).status).toBe(404);
    expect((await mergeInto(from.id, { intoId: "nope" }, admin)).status).toBe(400);
    expect((await mergeInto(from.id, { intoId: into.id }, anonymous)).status).toBe(401);
    expect((await mergeInto(from.id, { intoId: into.id }, client)).status).toBe(403);
    expect(await findClientById(await getDb(), from.id)).toBeDefined();
  });
});

describe("the client card's figures", () => {
  it("counts upcoming, past, no-shows and cancellations, and sums the completed per currency", async () => {
    const person = await record();
    await appointmentOf(person.id, 24);
    await appointmentOf(person.id, 48);
    await appointmentOf(person.id, -24, { status: "completed", price: 1000, currency: "RUB" });
    await appointmentOf(person.id, -48, { status: "completed", price: 500.5, currency: "RUB" });
    await appointmentOf(person.id, -72, { status: "completed", price: 20, currency: "EUR" });
    await appointmentOf(person.id, -96, { status: "no_show", price: 700, currency: "RUB" });
    await appointmentOf(person.id, -120, { status: "cancelled", cancelledAt: new Date(), price: 900 });
    await appointmentOf(person.id, 120, { status: "cancelled", cancelledAt: new Date() });
    const dropped = await appointmentOf(person.id, 200);
    await messageAbout(dropped.id, "reminder", "dropped");

    expect(await clientCardFigures(person.id)).toEqual({
      total: 9,
      upcoming: 3,
      past: 5,
      completed: 3,
      cancelled: 2,
      noShow: 1,
      spent: [
        { currency: "EUR", amount: 20 },
        { currency: "RUB", amount: 1500.5 },
      ],
    });
    // A reminder dropped before it went out was never sent.
    expect(await clientCardMessages(person.id)).toEqual([]);
    expect(await clientCardFigures((await record()).id)).toEqual({
      total: 0,
      upcoming: 0,
      past: 0,
      completed: 0,
      cancelled: 0,
      noShow: 0,
      spent: [],
    });
  });
});
