// `npm run bench -- bookings`: POST /api/v1/appointments on distinct slots, as fast as the server
// takes them, then counts the rows: every 201 must be in the table (zero lost) and nothing else
// booked. The bookings go on a week of their own starting two days after the bench day (one
// week-long shift for every bench worker), so the slot cases, which read the bench day and a
// service's length past its end, see the same data as without it.
import autocannon from "autocannon";
import { addDaysToDate, zonedDateTimeToInstant } from "@/lib/time/zoned";
import type { RunContext } from "./cases";
import { BENCH_TZ } from "./dataset";
import type { CpuPerRequest } from "./server";

const SLOT_MINUTES = 10;
/** 200 workers × a week of ten-minute slots: about 200,000, more than any run books. */
const DAYS = 7;
const MINUTE = 60_000;
/** The rate the product promises on one node (README "Speed"). */
export const BOOKINGS_TARGET_PER_SECOND = 500;

export type LoadResult = CpuPerRequest & {
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
};

async function staffToken(baseUrl: string): Promise<string> {
  // The bench server is seeded with the demo data, whose admin books for the bench client.
  const res = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@demo.test", password: "demo-admin-pass" }),
  });
  if (!res.ok) throw new Error(`bench: could not get a token for the demo admin (${res.status})`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function runBookings(
  { baseUrl, sql, data, duration, measure }: RunContext,
  options: { connections: number },
): Promise<LoadResult> {
  const day = addDaysToDate(data.day, 2);
  const dayStart = zonedDateTimeToInstant(day, "00:00", BENCH_TZ);
  const dayEnd = zonedDateTimeToInstant(addDaysToDate(day, DAYS), "00:00", BENCH_TZ);
  await sql`
    insert into shifts (worker_id, location_id, start_at, end_at)
    select id, location_id, ${dayStart}, ${dayEnd} from workers where slug like 'bench-worker-%'`;
  const workers = await sql<{ id: string }[]>`select id from workers where slug like 'bench-worker-%' order by slug`;
  const [service] = await sql<{ id: string }[]>`select id from services where slug = 'bench-consultation'`;
  // Each worker's own bench client (scripts/bench/dataset.ts): a client holds one booked appointment
  // at a time, and the bookings go to many workers at each time of day.
  const clients = await sql<{ id: string }[]>`
    select c.id from workers w join clients c on c.name = 'Bench client ' || substr(w.slug, length('bench-worker-') + 1)
    where w.slug like 'bench-worker-%' order by w.slug`;
  if (!service || workers.length === 0 || clients.length !== workers.length) {
    throw new Error("bench: the bench catalog is missing");
  }
  const perWorker = Math.floor((dayEnd.getTime() - dayStart.getTime()) / (SLOT_MINUTES * MINUTE));
  const capacity = perWorker * workers.length;
  const token = await staffToken(baseUrl);

  let next = 0;
  let created = 0;
  const body = (slot: number) => {
    // Worker after worker for each time of day, so parallel requests rarely meet at one worker.
    const worker = workers[slot % workers.length];
    const client = clients[slot % workers.length];
    const start = new Date(dayStart.getTime() + Math.floor(slot / workers.length) * SLOT_MINUTES * MINUTE);
    return JSON.stringify({
      workerId: worker?.id,
      serviceId: service.id,
      clientId: client?.id,
      start: start.toISOString(),
      end: new Date(start.getTime() + SLOT_MINUTES * MINUTE).toISOString(),
    });
  };
  const { result, cpuMsPerRequest, dbCpuMsPerRequest } = await measure(async () => {
    const run = await autocannon({
      url: `${baseUrl}/api/v1/appointments`,
      connections: options.connections,
      duration,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          // Should a run outlast the week, slots come round again and answer 409: failures, not silence.
          setupRequest: (req) => ({ ...req, body: body(next++ % capacity) }),
          onResponse: (status) => {
            if (status === 201) created++;
          },
        },
      ],
    });
    return { result: run, requests: run.requests.total };
  });
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from appointments
    where status = 'booked' and start_at >= ${dayStart} and start_at < ${dayEnd}`;
  const stored = row?.n ?? 0;
  // More rows than 201s is expected: requests in flight when the run stopped were booked, but their
  // answers were never read. Fewer would mean a booking confirmed and then lost.
  const lost = Math.max(0, created - stored);
  console.log(
    `  bookings: ${created} answered 201, ${stored} in the table (${stored - created} unanswered at the stop), ` +
      `${lost} lost; ${result.requests.average.toFixed(0)}/s (target ≥ ${BOOKINGS_TARGET_PER_SECOND}/s)`,
  );
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    // A lost booking counts as a failure as much as a refused one.
    failed: result.non2xx + result.errors + lost,
    cpuMsPerRequest,
    dbCpuMsPerRequest,
  };
}
