import { and, eq, gt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { appointments, business, clients, locations, users, workers } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { addDaysToDate, isoWeekdayOf, zonedDateOf } from "@/lib/time/zoned";
import { DEMO_LOGINS, printDemoLogins, type SeedSummary, seedDemo } from "./demo";

const db = await getDb();
// A Monday shortly before Berlin's autumn DST change, so the seeded fortnight crosses it.
const now = new Date("2026-10-19T07:00:00Z");
let first: SeedSummary;
let second: SeedSummary;

beforeAll(async () => {
  first = await seedDemo(db, now);
  second = await seedDemo(db, now);
});

describe("seedDemo", () => {
  it("sets up the business with the clinic's zone, so new locations default to it", async () => {
    const [row] = await db.select().from(business);
    expect(row).toMatchObject({ name: "Slotwise demo", defaultTimezone: "Europe/Moscow", allowClientOverlap: false });
  });

  it("creates a demo-sized catalog", () => {
    expect(first.total.workers).toBeGreaterThanOrEqual(10);
    expect(first.total.locations).toBeGreaterThanOrEqual(6);
    expect(first.total.users).toBe(4);
    expect(first.created.appointments).toBeGreaterThanOrEqual(20);
  });

  it("adds nothing when run again", () => {
    expect(second.total).toEqual(first.total);
    expect(Object.values(second.created).every((n) => n === 0)).toBe(true);
  });

  it("tops up only the new days when run a week later, and never fails", async () => {
    const later = await seedDemo(db, new Date(now.getTime() + 7 * 86_400_000));
    expect(later.created.locations + later.created.workers + later.created.users + later.created.clients).toBe(0);
    expect(later.created.shifts).toBeGreaterThan(0);
    expect(later.total.appointments).toBeGreaterThan(first.total.appointments);
    // Going back to the first day again finds everything in place.
    expect((await seedDemo(db, now)).created.shifts).toBe(0);
  });

  it("has a meeting room and slugs in the API's alphabet", async () => {
    const rows = await db.select({ slug: locations.slug, kind: locations.kind }).from(locations);
    expect(rows.some((l) => l.kind === "room")).toBe(true);
    const slugs = [...rows, ...(await db.select({ slug: workers.slug }).from(workers))].map((r) => r.slug);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("keeps Cyrillic names intact", async () => {
    const [anna] = await db.select().from(workers).where(eq(workers.slug, "anna-smirnova"));
    expect(anna?.name).toBe("Анна Смирнова");
  });

  it("signs in with the four demo logins, and the client account has its client record", async () => {
    for (const login of DEMO_LOGINS) {
      const [user] = await db.select().from(users).where(eq(users.email, login.email));
      expect(user?.role).toBe(login.role);
      expect(await verifyPassword(user?.passwordHash ?? "", login.password)).toBe(true);
      expect(printDemoLogins()).toContain(login.email);
    }
    const [own] = await db
      .select({ id: clients.id })
      .from(clients)
      .innerJoin(users, eq(users.id, clients.userId))
      .where(eq(users.email, "client@demo.test"));
    expect(own).toBeDefined();
    const upcoming = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.clientId, own?.id ?? ""), gt(appointments.startAt, now)));
    expect(upcoming.length).toBeGreaterThan(0);
  });

  it("links the worker account to Anna Smirnova, whose day it sees", async () => {
    const [anna] = await db
      .select({ email: users.email })
      .from(workers)
      .innerJoin(users, eq(users.id, workers.userId))
      .where(eq(workers.slug, "anna-smirnova"));
    expect(anna?.email).toBe("worker@demo.test");
  });

  it("does not overwrite a password that someone changed", async () => {
    await db.update(users).set({ passwordHash: "changed" }).where(eq(users.email, "admin@demo.test"));
    await seedDemo(db, now);
    const [admin] = await db.select().from(users).where(eq(users.email, "admin@demo.test"));
    expect(admin?.passwordHash).toBe("changed");
  });

  it("gives every working day of the next 14 a shift, and none on Sundays", async () => {
    const rows = await queryRows<{ slug: string; timezone: string; start_at: string }>(
      db,
      sql`select w.slug, l.timezone, s.start_at from shifts s
          join workers w on w.id = s.worker_id join locations l on l.id = s.location_id
          where w.slug in ('anna-smirnova', 'lukas-weber')`,
    );
    for (const [slug, timezone] of [
      ["anna-smirnova", "Europe/Moscow"],
      ["lukas-weber", "Europe/Berlin"],
    ] as const) {
      const days = new Set(rows.filter((r) => r.slug === slug).map((r) => zonedDateOf(new Date(r.start_at), timezone)));
      const today = zonedDateOf(now, timezone);
      for (let i = 0; i < 14; i++) {
        const date = addDaysToDate(today, i);
        expect(days.has(date), `${slug} on ${date}`).toBe(isoWeekdayOf(date) !== 7);
      }
    }
  });

  it("keeps the wall-clock hours across the DST change (Berlin, 2026-10-25)", async () => {
    const rows = await queryRows<{ start_at: string; end_at: string }>(
      db,
      sql`select s.start_at, s.end_at from shifts s join workers w on w.id = s.worker_id
          where w.slug = 'lukas-weber' and s.start_at >= '2026-10-23T00:00Z' and s.start_at < '2026-10-28T00:00Z'`,
    );
    const hours = rows.map((r) => new Date(r.start_at).toISOString().slice(11, 16)).sort();
    // Fri 23 and Sat 24 at 10:00 CEST (08:00Z); Sunday off; Mon 26 and Tue 27 at 10:00 CET (09:00Z).
    expect(hours).toEqual(["08:00", "08:00", "09:00", "09:00"]);
  });

  it("puts every worker's appointment inside one of their shifts, at that shift's location", async () => {
    const outside = await queryRows<{ id: string }>(
      db,
      sql`select a.id from appointments a where a.worker_id is not null and not exists (
            select 1 from shifts s where s.worker_id = a.worker_id and s.location_id = a.location_id
              and s.during @> a.during)`,
    );
    expect(outside).toEqual([]);
  });

  it("books no worker or location twice at once", async () => {
    const clashes = await queryRows<{ id: string }>(
      db,
      sql`select a.id from appointments a join appointments b on a.id < b.id
          and a.status = 'booked' and b.status = 'booked' and a.during && b.during
          and (a.worker_id = b.worker_id or a.location_id = b.location_id)`,
    );
    expect(clashes).toEqual([]);
  });

  it("has future bookings, room bookings and some history", async () => {
    const rows = await db.select().from(appointments);
    const booked = rows.filter((a) => a.status === "booked" && a.startAt > now);
    expect(booked.length).toBeGreaterThanOrEqual(20);
    expect(rows.some((a) => a.workerId === null)).toBe(true);
    const past = rows.filter((a) => a.endAt <= now);
    expect(past.some((a) => a.status === "completed")).toBe(true);
    expect(past.filter((a) => a.status === "cancelled").every((a) => a.cancelledAt !== null)).toBe(true);
    expect(past.some((a) => a.status === "cancelled")).toBe(true);
    expect(new Set(rows.map((a) => a.currency))).toEqual(new Set(["RUB", "EUR"]));
  });
});
