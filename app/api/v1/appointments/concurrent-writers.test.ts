// Writers that touch one worker and one room at once, on real PostgreSQL: bookings of two workers
// sharing a room, bookings of the room itself, time off and cancellations, all in parallel. Each
// write bumps schedule_versions counters (drizzle/0008) and holds them until it commits; they are
// taken in one order (workers before locations), so no two writers wait on each other in a circle:
// every write of a free interval succeeds, none is refused as taken (a deadlock would answer 409).
import { describe, expect, it } from "vitest";
import * as timeOffRoutes from "@/app/api/v1/workers/[ref]/time-off/route";
import { appointmentsApi as api } from "@/testing/booking";
import { makeClient, makeLocation, makeService, makeShift, makeWorker, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";

process.env.DATABASE_POOL_SIZE = "30";
// All requests come from this one process, as if from one IP; the per-IP limit is tested elsewhere.
process.env.RATE_LIMIT_API_PER_MINUTE = "1000000";

const onPostgres = Boolean(process.env.TEST_SERVER_DATABASE_URL);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ROUNDS = 4;
/** Per round: bookings of each worker, of the room alone, and time off of each worker. */
const EACH = 8;

describe.runIf(onPostgres)("parallel writers on one worker and one room", () => {
  it("lets every write of a free interval through, whatever runs beside it", { timeout: 300_000 }, async () => {
    const room = await makeLocation({ kind: "room" });
    const service = await makeService({ durationMinutes: 15 });
    const workers = [
      await makeWorker({ locationId: room.id }, [service.id]),
      await makeWorker({ locationId: room.id }, [service.id]),
    ];
    const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR + HOUR);
    for (const worker of workers) {
      await makeShift({
        workerId: worker.id,
        locationId: room.id,
        startAt: start,
        endAt: new Date(start.getTime() + 40 * HOUR),
      });
    }
    const [admin, manager, client] = [await userWithToken("admin"), await userWithToken("manager"), await makeClient()];
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE).toISOString();
    let previous: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Ten hours a round: the room's bookings one after another (a room holds one at a time),
      // then each worker's time off.
      const base = round * 10 * 60;
      const bookings = Array.from({ length: 3 * EACH }, (_, i) => {
        const slot = { start: at(base + i * 15), end: at(base + i * 15 + 15), clientId: client.id };
        const worker = workers[i % 3];
        return worker ? { ...slot, workerId: worker.id, serviceId: service.id } : { ...slot, locationId: room.id };
      });
      const timeOff = workers.flatMap((worker, w) =>
        Array.from({ length: EACH }, (_, i) => {
          const from = base + 3 * EACH * 15 + (w * EACH + i) * 10;
          return { worker, body: { start: at(from), end: at(from + 10), cancelAppointments: true } };
        }),
      );
      const results = await Promise.all([
        ...bookings.map((body) => api.create(admin.token, body)),
        ...timeOff.map(({ worker, body }) =>
          call(timeOffRoutes.POST, "POST", `/api/v1/workers/${worker.id}/time-off`, {
            token: manager.token,
            params: { ref: worker.id },
            body,
          }),
        ),
        ...previous.map((id) => api.cancel(admin.token, id)),
      ]);
      const refused = results.filter((r) => r.status >= 300).map((r) => `${r.status} ${r.json.error?.code}`);
      expect(refused).toEqual([]);
      previous = results.slice(0, bookings.length).map((r) => r.json.id as string);
    }
  });
});
