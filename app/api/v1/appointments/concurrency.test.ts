// Races for one interval, on real PostgreSQL (PGlite has one connection, so nothing would race):
// the exclusion constraints must let exactly one booking through, and the rest answer 409 slot_taken.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, idempotencyKeys } from "@/db/schema";
import { appointmentsApi as api } from "@/testing/booking";
import { makeClient, makeLocation, makeService, makeShift, makeWorker, userWithToken } from "@/testing/fixtures";

// Enough connections that 50 requests really run at once (read when the test opens the database).
process.env.DATABASE_POOL_SIZE = "30";
// Every request here comes from this one process, as if from one IP: the per-IP API limit (tested
// in app/api/v1/auth/rate-limits.test.ts) would answer most of these rounds with 429, and it is not
// what this file tests. Read when the limiter is first used.
process.env.RATE_LIMIT_API_PER_MINUTE = "1000000";

const onPostgres = Boolean(process.env.TEST_SERVER_DATABASE_URL);
const PARALLEL = 50;
const ROUNDS = 20;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A worker with one long shift starting at the next whole hour, and a staff caller. */
async function longShift(location?: { id: string }) {
  const place = location ?? (await makeLocation());
  const service = await makeService({ durationMinutes: 30 });
  const worker = await makeWorker({ locationId: place.id }, [service.id]);
  const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR + HOUR);
  await makeShift({
    workerId: worker.id,
    locationId: place.id,
    startAt: start,
    endAt: new Date(start.getTime() + 60 * HOUR),
  });
  return { place, service, worker, start };
}

const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE).toISOString();

/** How many answers of each kind: the success status alone, errors with their code. */
function tally(results: { status: number; json: { error?: { code: string } } }[], success = 201) {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.status === success ? String(success) : `${r.status} ${r.json.error?.code}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function bookedBetween(workerOrLocation: { workerId?: string; locationId?: string }, from: string, to: string) {
  const db = await getDb();
  const rows = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.status, "booked"),
        workerOrLocation.workerId ? eq(appointments.workerId, workerOrLocation.workerId) : undefined,
        workerOrLocation.locationId ? eq(appointments.locationId, workerOrLocation.locationId) : undefined,
        sql`${appointments.during} && tstzrange(${from}::timestamptz, ${to}::timestamptz)`,
      ),
    );
  return rows.length;
}

describe.runIf(onPostgres)("parallel bookings on PostgreSQL", () => {
  it(`lets one of ${PARALLEL} parallel bookings of one slot through, ${ROUNDS} rounds`, {
    timeout: 300_000,
  }, async () => {
    const { service, worker, start } = await longShift();
    const admin = await userWithToken("admin");
    const client = await makeClient();
    for (let round = 0; round < ROUNDS; round++) {
      const body = { workerId: worker.id, serviceId: service.id, clientId: client.id, start: at(start, round * 30) };
      const results = await Promise.all(Array.from({ length: PARALLEL }, () => api.create(admin.token, body)));
      expect(tally(results)).toEqual({ "201": 1, "409 slot_taken": PARALLEL - 1 });
      expect(await bookedBetween({ workerId: worker.id }, body.start, at(start, round * 30 + 30))).toBe(1);
    }
  });

  it(`lets one of ${PARALLEL} pairwise overlapping intervals through, ${ROUNDS} rounds`, {
    timeout: 300_000,
  }, async () => {
    const { service, worker, start } = await longShift();
    const admin = await userWithToken("admin");
    const client = await makeClient();
    for (let round = 0; round < ROUNDS; round++) {
      const base = round * 120;
      // [base + i, base + 60 + i) minutes: every two of them share at least ten minutes.
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          api.create(admin.token, {
            workerId: worker.id,
            serviceId: service.id,
            clientId: client.id,
            start: at(start, base + i),
            end: at(start, base + 60 + i),
          }),
        ),
      );
      expect(tally(results)).toEqual({ "201": 1, "409 slot_taken": PARALLEL - 1 });
      expect(await bookedBetween({ workerId: worker.id }, at(start, base), at(start, base + 120))).toBe(1);
    }
  });

  it("refuses a second booking of one location by another worker, or by the room itself", {
    timeout: 300_000,
  }, async () => {
    // A room's shifts may overlap (only workplaces host one worker at a time), so two workers can
    // both be on shift there; the location's own constraint keeps its bookings apart.
    const room = await makeLocation({ kind: "room" });
    const first = await longShift(room);
    const second = await longShift(room);
    const admin = await userWithToken("admin");
    const client = await makeClient();
    // Ten rounds: two workers' inserts often deadlock on the location's constraint, and each
    // deadlock costs PostgreSQL's deadlock_timeout (1 s) to detect.
    for (let round = 0; round < ROUNDS / 2; round++) {
      const start = at(first.start, round * 30);
      const bodies = Array.from({ length: PARALLEL }, (_, i) => {
        const end = at(first.start, round * 30 + 30);
        if (i % 5 === 4) return { locationId: room.id, clientId: client.id, start, end };
        const { worker, service } = i % 2 ? first : second;
        return { workerId: worker.id, serviceId: service.id, clientId: client.id, start };
      });
      const results = await Promise.all(bodies.map((body) => api.create(admin.token, body)));
      expect(tally(results)).toEqual({ "201": 1, "409 slot_taken": PARALLEL - 1 });
      expect(await bookedBetween({ locationId: room.id }, start, at(first.start, round * 30 + 30))).toBe(1);
    }
  });

  it("books once for parallel retries with one Idempotency-Key, and answers each with that booking", {
    timeout: 300_000,
  }, async () => {
    const { service, worker, start } = await longShift();
    const client = await userWithToken("client");
    const db = await getDb();
    for (let round = 0; round < ROUNDS; round++) {
      const key = crypto.randomUUID();
      const body = { workerId: worker.id, serviceId: service.id, start: at(start, round * 30) };
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, () => api.create(client.token, body, { "idempotency-key": key })),
      );
      expect(tally(results)).toEqual({ "201": PARALLEL });
      expect(new Set(results.map((r) => r.json.id)).size).toBe(1);
      expect(await bookedBetween({ workerId: worker.id }, body.start, at(start, round * 30 + 30))).toBe(1);
      const keys = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
      expect(keys).toHaveLength(1);
    }
  });

  it(`moves one of ${PARALLEL} appointments rescheduled into one free slot at once; the rest keep theirs`, {
    timeout: 300_000,
  }, async () => {
    const { service, worker, start } = await longShift();
    const admin = await userWithToken("admin");
    const client = await makeClient();
    const booked = [];
    for (let i = 0; i < PARALLEL; i++) {
      const body = { workerId: worker.id, serviceId: service.id, clientId: client.id, start: at(start, 60 + i * 30) };
      booked.push((await api.create(admin.token, body)).json as { id: string; start: string });
    }
    const target = at(start, 0);
    const results = await Promise.all(booked.map((a) => api.patch(admin.token, a.id, { start: target })));
    const moved = results.filter((r) => r.status === 200);
    expect(tally(results, 200)).toEqual({ "200": 1, "409 slot_taken": PARALLEL - 1 });
    expect(await bookedBetween({ workerId: worker.id }, target, at(start, 30))).toBe(1);
    // Every refused move left its appointment where it was, still booked.
    for (const [i, a] of booked.entries()) {
      if (moved[0]?.json.id === a.id) continue;
      expect((await api.get(admin.token, a.id)).json).toMatchObject({ start: booked[i]?.start, status: "booked" });
    }
  });
});
