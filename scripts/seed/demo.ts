// Demo data for a fresh install (`npm run db:seed`, and `npm start` on an empty embedded database).
// Safe to run again at any time: rows that exist are left as they are, so it never undoes what a
// manager changed and never overwrites a password someone set; a later run only adds the new days.
import { and, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db, Executor } from "@/db/client";
import {
  appointments,
  business,
  clients,
  type Location,
  locations,
  type Service,
  type Specialty,
  services,
  shifts,
  specialties,
  users,
  type Worker,
  weeklyScheduleRules,
  weeklySchedules,
  workerServices,
  workers,
} from "@/db/schema";
import { addDaysToDate, zonedDateOf } from "@/lib/time/zoned";
import {
  DEMO_LOCATIONS,
  DEMO_PAST,
  DEMO_ROOM_SERVICE_SLUG,
  DEMO_ROOM_SLUG,
  DEMO_SERVICES,
  DEMO_SPECIALTIES,
  DEMO_USERS,
  DEMO_WORKER_ACCOUNT_SLUG,
  DEMO_WORKERS,
  type DemoWorker,
} from "./data";
import { newDemoUsers, seedPeople } from "./people";
import {
  demoId,
  FUTURE_DAYS,
  PAST_DAYS,
  type PlannedWorker,
  planAppointments,
  planRoomBookings,
  planShifts,
  seededWindow,
} from "./plan";

export const DEMO_LOGINS = DEMO_USERS.map(({ role, email, password }) => ({ role, email, password }));

const COUNTED = { locations, specialties, services, workers, users, clients, shifts, appointments } as const;
export type SeedCounts = Record<keyof typeof COUNTED, number>;
/** Rows this run added, and the rows in each table afterwards. */
export type SeedSummary = { created: SeedCounts; total: SeedCounts };

/** Inserts the rows whose slug is free and reads back every row of those slugs, new or old. */
async function upsertBySlug<T extends { slug: string }>(
  db: Executor,
  table: PgTable & { slug: AnyPgColumn },
  rows: { slug: string }[],
): Promise<{ bySlug: Map<string, T>; inserted: Set<string> }> {
  const inserted = (await db.insert(table).values(rows).onConflictDoNothing().returning()) as T[];
  const slugs = rows.map((r) => r.slug);
  const all = (await db.select().from(table).where(inArray(table.slug, slugs))) as T[];
  return { bySlug: new Map(all.map((row) => [row.slug, row])), inserted: new Set(inserted.map((r) => r.slug)) };
}

function need<T>(map: Map<string, T>, slug: string): T {
  const row = map.get(slug);
  if (!row) throw new Error(`demo seed: missing ${slug}`);
  return row;
}

/** The weekly schedules that the demo shifts are made from, so the manager's forms show them. */
async function insertSchedules(
  db: Executor,
  demoWorkers: readonly DemoWorker[],
  workerBySlug: Map<string, Worker>,
  locationBySlug: Map<string, Location>,
  now: Date,
) {
  const schedules = demoWorkers.map((w) => {
    const location = need(locationBySlug, w.location);
    return {
      id: demoId(`schedule:${w.slug}`),
      workerId: need(workerBySlug, w.slug).id,
      locationId: location.id,
      validFrom: addDaysToDate(zonedDateOf(now, location.timezone), -PAST_DAYS),
    };
  });
  const inserted = new Set(
    (await db.insert(weeklySchedules).values(schedules).onConflictDoNothing().returning()).map((s) => s.id),
  );
  const rules = demoWorkers.flatMap((w) => {
    const scheduleId = demoId(`schedule:${w.slug}`);
    if (!inserted.has(scheduleId)) return [];
    return w.rules.flatMap((r) =>
      r.weekdays.map((weekday) => ({ scheduleId, weekday, startTime: r.start, endTime: r.end })),
    );
  });
  if (rules.length > 0) await db.insert(weeklyScheduleRules).values(rules);
}

async function countRows(db: Executor): Promise<SeedCounts> {
  const entries = await Promise.all(
    Object.entries(COUNTED).map(async ([name, table]) => [name, await db.$count(table)] as const),
  );
  return Object.fromEntries(entries) as SeedCounts;
}

type Catalog = Awaited<ReturnType<typeof seedCatalog>>;
type People = Awaited<ReturnType<typeof seedPeople>>;

async function seedCatalog(tx: Executor, now: Date) {
  const loc = await upsertBySlug<Location>(tx, locations, DEMO_LOCATIONS);
  const spec = await upsertBySlug<Specialty>(tx, specialties, DEMO_SPECIALTIES);
  const svc = await upsertBySlug<Service>(tx, services, DEMO_SERVICES);
  const wrk = await upsertBySlug<Worker>(
    tx,
    workers,
    DEMO_WORKERS.map((w) => ({
      slug: w.slug,
      name: w.name,
      bio: w.bio,
      specialtyId: need(spec.bySlug, w.specialty).id,
      locationId: need(loc.bySlug, w.location).id,
      slotStepMinutes: w.slotStepMinutes,
      bookingHorizonDays: FUTURE_DAYS,
    })),
  );
  // A worker's services and weekly schedule come with the worker only, so a manager's later edits
  // to them survive a second run.
  const newWorkers = DEMO_WORKERS.filter((w) => wrk.inserted.has(w.slug));
  if (newWorkers.length > 0) {
    await tx
      .insert(workerServices)
      .values(
        newWorkers.flatMap((w) =>
          w.services.map((s) => ({ workerId: need(wrk.bySlug, w.slug).id, serviceId: need(svc.bySlug, s).id })),
        ),
      );
    await insertSchedules(tx, newWorkers, wrk.bySlug, loc.bySlug, now);
  }
  return {
    locations: loc.bySlug,
    services: svc.bySlug,
    workers: wrk.bySlug,
    created: {
      locations: loc.inserted.size,
      specialties: spec.inserted.size,
      services: svc.inserted.size,
      workers: wrk.inserted.size,
    },
  };
}

/** Shifts from the weekly rules, then appointments inside the shifts that now exist. */
async function seedCalendar(tx: Executor, catalog: Catalog, people: People, now: Date) {
  const scheduleIds = DEMO_WORKERS.map((w) => demoId(`schedule:${w.slug}`));
  const ownSchedules = new Set(
    (
      await tx.select({ id: weeklySchedules.id }).from(weeklySchedules).where(inArray(weeklySchedules.id, scheduleIds))
    ).map((s) => s.id),
  );
  const planned: PlannedWorker[] = DEMO_WORKERS.map((w, index) => {
    const location = need(catalog.locations, w.location);
    const scheduleId = demoId(`schedule:${w.slug}`);
    return {
      index,
      id: need(catalog.workers, w.slug).id,
      slug: w.slug,
      locationId: location.id,
      timezone: location.timezone,
      // Shifts point at the weekly schedule they come from, unless a manager replaced it.
      scheduleId: ownSchedules.has(scheduleId) ? scheduleId : null,
      rules: w.rules,
      services: w.services.map((s) => need(catalog.services, s)),
    };
  });

  // ON CONFLICT DO NOTHING also skips rows that an exclusion constraint refuses, so a shift that
  // would clash with one a manager set up meanwhile is left out rather than failing the seed.
  const shiftRows = planned.flatMap((w) => planShifts(w, now));
  const createdShifts = await tx.insert(shifts).values(shiftRows).onConflictDoNothing().returning({ id: shifts.id });

  const windows = planned.map((w) => seededWindow(now, w.timezone));
  const existingShifts = await tx
    .select()
    .from(shifts)
    .where(
      and(
        inArray(
          shifts.workerId,
          planned.map((w) => w.id),
        ),
        gte(shifts.startAt, new Date(Math.min(...windows.map((w) => w.start.getTime())))),
        lt(shifts.startAt, new Date(Math.max(...windows.map((w) => w.end.getTime())))),
      ),
    )
    .orderBy(shifts.startAt);
  const { clientIds, deskId } = people;
  const room = need(catalog.locations, DEMO_ROOM_SLUG);
  const appointmentRows = [
    ...planAppointments({
      workers: planned,
      shifts: existingShifts,
      clientIds,
      past: DEMO_PAST,
      now,
      createdBy: deskId,
    }),
    ...planRoomBookings(room, need(catalog.services, DEMO_ROOM_SERVICE_SLUG), clientIds, now, deskId),
  ];
  const createdAppointments =
    appointmentRows.length > 0
      ? await tx.insert(appointments).values(appointmentRows).onConflictDoNothing().returning({ id: appointments.id })
      : [];
  return { created: { shifts: createdShifts.length, appointments: createdAppointments.length } };
}

/**
 * Fills the database with the demo clinic and barbershop: catalog, accounts (DEMO_LOGINS), clients,
 * shifts around `now` and appointments inside them. Idempotent; see the top of this file.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<SeedSummary> {
  const newUsers = await newDemoUsers(db);
  return db.transaction(async (tx) => {
    // The business as the demo's first location would set it up; a manager's own settings stay.
    await tx
      .insert(business)
      .values({ name: "Slotwise demo", defaultTimezone: "Europe/Moscow", currency: "RUB" })
      .onConflictDoNothing();
    const catalog = await seedCatalog(tx, now);
    const people = await seedPeople(tx, newUsers);
    // A new worker account sees Anna Smirnova's day, unless a manager linked someone to her already.
    if (people.newWorkerUserId) {
      await tx
        .update(workers)
        .set({ userId: people.newWorkerUserId })
        .where(and(eq(workers.slug, DEMO_WORKER_ACCOUNT_SLUG), isNull(workers.userId)));
    }
    const calendar = await seedCalendar(tx, catalog, people, now);
    return {
      created: { ...catalog.created, ...people.created, ...calendar.created },
      total: await countRows(tx),
    };
  });
}

/** The demo accounts as a small table, for the seed and start scripts to print. */
export function printDemoLogins(): string {
  const width = Math.max(...DEMO_LOGINS.map((l) => l.email.length));
  const lines = DEMO_LOGINS.map((l) => `  ${l.role.padEnd(8)}  ${l.email.padEnd(width)}  ${l.password}`);
  return ["Demo logins (change or remove them before real use):", ...lines].join("\n");
}
