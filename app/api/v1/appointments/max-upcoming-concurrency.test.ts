// A client's parallel bookings under the business's maxUpcomingPerClient, on real PostgreSQL (PGlite
// has one connection, so nothing would race): the booking counts the client's upcoming appointments
// under the client row's lock, so with a limit of 2 exactly two of many parallel bookings (at times
// that do not overlap) get through and the rest answer 409 not_available max_upcoming.
import { describe, expect, it } from "vitest";
import * as businessRoute from "@/app/api/v1/business/route";
import { appointmentsApi as api } from "@/testing/booking";
import { makeClient, makeLocation, makeService, makeShift, makeWorker, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";

process.env.DATABASE_POOL_SIZE = "10";
process.env.RATE_LIMIT_API_PER_MINUTE = "1000000";

const onPostgres = Boolean(process.env.TEST_SERVER_DATABASE_URL);
const ROUNDS = 5;
const PARALLEL = 8;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.runIf(onPostgres)("one client's parallel bookings under an upcoming limit on PostgreSQL", () => {
  it(`lets exactly 2 of ${PARALLEL} parallel bookings through, ${ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    const service = await makeService({ durationMinutes: 30 });
    const place = await makeLocation();
    const worker = await makeWorker({ locationId: place.id, bookingHorizonDays: 7 }, [service.id]);
    const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR + HOUR);
    await makeShift({
      workerId: worker.id,
      locationId: place.id,
      startAt: start,
      endAt: new Date(start.getTime() + 24 * HOUR),
    });
    const manager = await userWithToken("manager");
    const set = await call(businessRoute.PATCH, "PATCH", "/api/v1/business", {
      token: manager.token,
      body: { policy: { maxUpcomingPerClient: 2 } },
    });
    expect(set.status).toBe(200);
    for (let round = 0; round < ROUNDS; round++) {
      // A new client each round, with their record made beforehand: otherwise the first booking makes
      // it under the user's lock, which would line the others up behind it anyway.
      const client = await userWithToken("client");
      await makeClient(client.user.name, client.user.id);
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          api.create(client.token, {
            workerId: worker.id,
            serviceId: service.id,
            start: new Date(start.getTime() + (round * PARALLEL + i) * 30 * MINUTE).toISOString(),
          }),
        ),
      );
      const answers = results.map((r) => (r.status === 201 ? "201" : `${r.status} ${r.json.error?.details?.reason}`));
      expect(answers.filter((a) => a === "201")).toHaveLength(2);
      expect(answers.filter((a) => a !== "201")).toEqual(Array(PARALLEL - 2).fill("409 max_upcoming"));
      const listed = await api.list(client.token);
      expect(listed.json.items).toHaveLength(2);
    }
  });
});
