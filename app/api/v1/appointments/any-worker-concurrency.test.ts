// 50 parallel `workerId: "any"` bookings into two workers' day, on real PostgreSQL (PGlite has one
// connection, so nothing would race): a worker taken under a request passes it to the other worker,
// so both days fill up, nothing is booked twice (the exclusion constraints hold), and every request
// left over answers 409 no_worker_free.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments } from "@/db/schema";
import { appointmentsApi as api } from "@/testing/booking";
import { makeClient, makeLocation, makeService, makeShift, makeWorker, userWithToken } from "@/testing/fixtures";

// Enough connections that the requests really run at once (read when the test opens the database).
process.env.DATABASE_POOL_SIZE = "30";
// All requests come from this one process, as if from one IP; the per-IP limit is tested elsewhere.
process.env.RATE_LIMIT_API_PER_MINUTE = "1000000";

const onPostgres = Boolean(process.env.TEST_SERVER_DATABASE_URL);
const PARALLEL = 50;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Each worker's shift: two hours of 30-minute appointments, four starts. */
const STARTS = 4;

describe.runIf(onPostgres)('parallel "any" bookings', () => {
  it("fill both workers' day without booking anyone twice; the rest answer no_worker_free", {
    timeout: 120_000,
  }, async () => {
    const service = await makeService({ durationMinutes: 30 });
    const day = new Date(Math.floor(Date.now() / DAY) * DAY + 2 * DAY);
    const from = new Date(day.getTime() + 10 * HOUR);
    const workers = [];
    for (let i = 0; i < 2; i++) {
      const location = await makeLocation({ timezone: "UTC" });
      const worker = await makeWorker({ locationId: location.id, bookingHorizonDays: 14 }, [service.id]);
      await makeShift({
        workerId: worker.id,
        locationId: location.id,
        startAt: from,
        endAt: new Date(from.getTime() + STARTS * 30 * MINUTE),
      });
      workers.push(worker);
    }
    const admin = await userWithToken("admin");
    const clients = await Promise.all(Array.from({ length: PARALLEL }, () => makeClient()));
    const results = await Promise.all(
      clients.map((client, i) =>
        api.create(admin.token, {
          workerId: "any",
          serviceId: service.id,
          clientId: client.id,
          start: new Date(from.getTime() + (i % STARTS) * 30 * MINUTE).toISOString(),
        }),
      ),
    );
    const counts: Record<string, number> = {};
    for (const r of results) {
      const key = r.status === 201 ? "201" : `${r.status} ${r.json.error?.code}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts).toEqual({ "201": 2 * STARTS, "409 no_worker_free": PARALLEL - 2 * STARTS });
    const db = await getDb();
    for (const worker of workers) {
      const rows = await db
        .select({ start: appointments.startAt })
        .from(appointments)
        .where(and(eq(appointments.workerId, worker.id), eq(appointments.status, "booked")));
      const starts = rows.map((r) => r.start.getTime()).sort();
      expect(starts, worker.id).toEqual(Array.from({ length: STARTS }, (_, k) => from.getTime() + k * 30 * MINUTE));
    }
  });
});
