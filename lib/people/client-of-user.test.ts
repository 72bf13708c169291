import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createClient, findClientById, findClientOfUser } from "@/db/queries/clients";
import { clients } from "@/db/schema";
import { toClientJson } from "@/lib/contract";
import { userWithToken } from "@/testing/fixtures";
import { ensureClientOfUser } from "./client-of-user";
import { registerClient } from "./register";

const hasPostgres = Boolean(process.env.DATABASE_URL);

describe("client records", () => {
  it("creates a record and reads it back in the API shape", async () => {
    const db = await getDb();
    const made = await createClient(db, {
      name: "Ольга Петрова",
      phone: "+7 900 123-45-67",
      email: "olga@example.test",
    });
    const found = await findClientById(db, made.id);
    expect(found && toClientJson(found)).toEqual({
      id: made.id,
      name: "Ольга Петрова",
      phone: "+7 900 123-45-67",
      email: "olga@example.test",
      gender: null,
      birthDate: null,
      notes: null,
      userId: null,
    });
  });

  it("gives a registered user exactly one record, however often it is asked for", async () => {
    const db = await getDb();
    const { user } = await userWithToken("client", "Ivan");
    expect(await findClientOfUser(db, user.id)).toBeUndefined();
    const first = await ensureClientOfUser(db, user.id);
    const second = await ensureClientOfUser(db, user.id);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ userId: user.id, name: "Ivan", email: user.email });
    expect((await findClientOfUser(db, user.id))?.id).toBe(first.id);
  });

  it("never takes over a desk record with the same email: emails are not verified", async () => {
    const db = await getDb();
    const { user } = await userWithToken("client");
    const desk = await createClient(db, { name: "Booked by phone", email: user.email.toUpperCase(), notes: "private" });
    const own = await ensureClientOfUser(db, user.id);
    expect(own.id).not.toBe(desk.id);
    expect(own).toMatchObject({ userId: user.id, email: user.email, notes: null });
    expect((await findClientById(db, desk.id))?.userId).toBeNull();
  });

  it("gives a newly registered user a record of their own, leaving the desk's records with that email alone", async () => {
    const db = await getDb();
    const email = `reg-${Date.now()}@example.test`;
    const older = await createClient(db, { name: "First visit", email });
    const newer = await createClient(db, { name: "Second visit", email });
    const user = await registerClient({ email, name: "Reg", password: "long enough" });
    const own = await findClientOfUser(db, user.id);
    expect(own).toMatchObject({ name: "Reg", email });
    expect([older.id, newer.id]).not.toContain(own?.id);
    expect((await findClientById(db, older.id))?.userId).toBeNull();
    expect((await findClientById(db, newer.id))?.userId).toBeNull();
  });

  it("answers 404 for a user that does not exist", async () => {
    const db = await getDb();
    await expect(ensureClientOfUser(db, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  describe.runIf(hasPostgres)("concurrently (PostgreSQL)", () => {
    it("ten parallel first bookings of one user end with one record", async () => {
      const db = await getDb();
      const { user } = await userWithToken("client");
      const records = await Promise.all(
        Array.from({ length: 10 }, () => db.transaction((tx) => ensureClientOfUser(tx, user.id))),
      );
      expect(new Set(records.map((r) => r.id)).size).toBe(1);
      expect(await db.select().from(clients).where(eq(clients.userId, user.id))).toHaveLength(1);
    });
  });
});
