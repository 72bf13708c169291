// drizzle/0010 adds the client's no-overlap constraint over a table that may already hold a client's
// overlapping booked appointments (the app allowed them before): it must mark them allowed, not fail.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, migrationsFolder } from "@/db/client";
import { appointments } from "@/db/schema";
import { makeClient, makeLocation, makeWorker } from "@/testing/fixtures";

const at = (hhmm: string) => new Date(`2031-03-03T${hhmm}:00Z`);

const migration = readFileSync(path.join(migrationsFolder(), "0010_client_no_overlap.sql"), "utf8")
  .split("--> statement-breakpoint")
  .map((statement) => statement.trim());

describe("migration 0010 over existing overlapping appointments", () => {
  it("marks a client's overlapping booked rows as allowed and then refuses new overlaps", async () => {
    const db = await getDb();
    await db.execute(sql`alter table appointments drop constraint appointments_client_no_overlap`);
    const client = await makeClient();
    const [a, b, c] = await Promise.all([makeLocation(), makeLocation(), makeLocation()]);
    const [w1, w2, w3] = await Promise.all([makeWorker(), makeWorker(), makeWorker()]);
    if (!a || !b || !c || !w1 || !w2 || !w3) throw new Error("fixtures missing");
    const row = (workerId: string, locationId: string, from: string, to: string) => ({
      workerId,
      locationId,
      clientId: client.id,
      startAt: at(from),
      endAt: at(to),
    });
    const rows = await db
      .insert(appointments)
      .values([
        row(w1.id, a.id, "10:00", "11:00"),
        row(w2.id, b.id, "10:30", "11:30"),
        // Touching the second ([11:30, 12:00) after [10:30, 11:30)) is no overlap.
        row(w3.id, c.id, "11:30", "12:00"),
        // Inside a long first one, starting at the same instant as another, past an earlier one that
        // ended: each overlaps, however far apart in the order.
        row(w1.id, a.id, "13:00", "18:00"),
        row(w2.id, b.id, "14:00", "14:30"),
        row(w3.id, c.id, "17:00", "17:30"),
        row(w2.id, b.id, "17:00", "17:15"),
        // Over a booked row, but cancelled: neither counts.
        { ...row(w3.id, c.id, "08:00", "09:00"), status: "cancelled" as const, cancelledAt: at("07:00") },
        row(w1.id, a.id, "08:30", "09:00"),
      ])
      .returning({ id: appointments.id });
    for (const statement of migration) await db.execute(sql.raw(statement));
    const flags = await Promise.all(
      rows.map(async ({ id }) => {
        const [found] = await db
          .select({ allowed: appointments.clientOverlapAllowed })
          .from(appointments)
          .where(eq(appointments.id, id));
        return found?.allowed;
      }),
    );
    expect(flags).toEqual([true, true, false, true, true, true, true, false, false]);
    await expect(db.insert(appointments).values(row(w1.id, a.id, "11:45", "12:15"))).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "23P01" }),
    });
  });
});
