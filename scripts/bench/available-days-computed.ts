// `npm run bench -- available-days-computed`: 31 days of one worker (GET /workers/{ref}/available-days)
// as a month this instance has not been asked for yet, so it is computed (the worker, the service
// and the rows of the month in one round trip, then each day's slots) rather than answered from
// memory after a version check as the `available-days` case mostly is. A remembered month is keyed
// by the worker, the service and the days as asked, so each of the 200 workers is asked with four
// spellings of the same question (worker and service by id or by slug), over a month that no
// earlier call of this case has asked: a first pass (not measured: JIT, pooled statements) over
// one month, the measured pass over the month a day later. Read against `slots-computed` in the
// same run (index.ts prints the ratio): a computed month costs at most twice a computed day.
import autocannon from "autocannon";
import { addDaysToDate } from "@/lib/time/zoned";
import type { LoadResult } from "./bookings";
import type { RunContext } from "./cases";
import { BENCH_SERVICE } from "./dataset";

/** Days in a month as the calendar asks them. */
const MONTH_DAYS = 31;
/** Calls so far (one per phase): each call's months start earlier, so none is remembered yet. */
let calls = 0;

export async function runComputedAvailableDays({ baseUrl, sql, data, measure }: RunContext, connections: number) {
  const workers = await sql<{ id: string; slug: string }[]>`
    select id, slug from workers where slug like 'bench-worker-%' order by slug`;
  const [service] = await sql<{ id: string }[]>`select id from services where slug = ${BENCH_SERVICE}`;
  if (!service || workers.length === 0) throw new Error("bench: the bench catalog is missing");
  const asked = workers.flatMap((w) =>
    [w.id, w.slug].flatMap((worker) => [service.id, BENCH_SERVICE].map((s) => [worker, s])),
  );
  // Months around the bench day, as the `available-days` case asks (from 15 days before), moved
  // back two days per call: the first pass of a call asks one, the measured pass the next.
  const first = -15 - 2 * calls++;
  const month = (offset: number) => {
    const from = addDaysToDate(data.day, offset);
    return `from=${from}&to=${addDaysToDate(from, MONTH_DAYS - 1)}`;
  };
  const pass = async (days: string): Promise<autocannon.Result> => {
    let next = 0;
    return autocannon({
      url: baseUrl,
      connections,
      amount: asked.length,
      requests: [
        {
          setupRequest: (req) => {
            const [worker, s] = asked[next++ % asked.length] ?? [];
            return { ...req, path: `/api/v1/workers/${worker}/available-days?service=${s}&${days}` };
          },
        },
      ],
    });
  };
  await pass(month(first - 1));
  const { result, cpuMsPerRequest, dbCpuMsPerRequest } = await measure(async () => {
    const run = await pass(month(first));
    return { result: run, requests: run.requests.total };
  });
  return {
    reqPerSec: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failed: result.non2xx + result.errors,
    cpuMsPerRequest,
    dbCpuMsPerRequest,
  } satisfies LoadResult;
}
