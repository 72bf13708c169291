// Two bookings of one client racing for overlapping times with two different workers, on real
// PostgreSQL (PGlite has one connection, so nothing would race): the client's exclusion constraint
// (drizzle/0010) lets exactly one through, and the other answers 409 client_busy.
import { describe, expect, it } from "vitest";
import { appointmentsApi as api } from "@/testing/booking";
import { makeClient, makeLocation, makeService, makeShift, makeWorker, userWithToken } from "@/testing/fixtures";

process.env.DATABASE_POOL_SIZE = "10";
process.env.RATE_LIMIT_API_PER_MINUTE = "1000000";

const onPostgres = Boolean(process.env.TEST_SERVER_DATABASE_URL);
const ROUNDS = 20;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.runIf(onPostgres)("one client's parallel bookings on PostgreSQL", () => {
  it(`lets one of two overlapping bookings with two workers through, ${ROUNDS} rounds`, {
    timeout: 120_000,
  }, async () => {
    const service = await makeService({ durationMinutes: 30 });
    const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR + HOUR);
    const workers = await Promise.all(
      [0, 1].map(async () => {
        const place = await makeLocation();
        const worker = await makeWorker({ locationId: place.id }, [service.id]);
        await makeShift({
          workerId: worker.id,
          locationId: place.id,
          startAt: start,
          endAt: new Date(start.getTime() + 24 * HOUR),
        });
        return worker;
      }),
    );
    const admin = await userWithToken("admin");
    const client = await makeClient();
    for (let round = 0; round < ROUNDS; round++) {
      // The second starts 15 minutes into the first: they overlap, at different workers and places.
      const results = await Promise.all(
        workers.map((worker, i) =>
          api.create(admin.token, {
            workerId: worker.id,
            serviceId: service.id,
            clientId: client.id,
            start: new Date(start.getTime() + (round * 60 + i * 15) * MINUTE).toISOString(),
          }),
        ),
      );
      const answers = results.map((r) => (r.status === 201 ? "201" : `${r.status} ${r.json.error?.code}`)).sort();
      expect(answers).toEqual(["201", "409 client_busy"]);
      const refused = results.find((r) => r.status === 409);
      const booked = results.find((r) => r.status === 201);
      expect(refused?.json.error.details).toEqual({ appointments: [{ id: booked?.json.id }] });
    }
  });
});
