// `npm run bench -- slots-computed`: one worker-day of slots as a list this instance has not been
// asked for yet, so it is computed (the worker, the service and the rows in one round trip, then
// computeSlots) rather than answered from memory after a version check as the `slots` case is.
// Each of the 200 workers is asked with four spellings of the same question (worker and service by
// id or by slug); a first pass with `date=` teaches the instance each pair's rows range, as earlier
// visitors would have, and the measured pass asks `from=&to=` for the same day: a new list each time.
import autocannon from "autocannon";
import type { LoadResult } from "./bookings";
import type { RunContext } from "./cases";
import { BENCH_SERVICE } from "./dataset";

export async function runComputedSlots({ baseUrl, sql, data, measure }: RunContext, connections: number) {
  const workers = await sql<{ id: string; slug: string }[]>`
    select id, slug from workers where slug like 'bench-worker-%' order by slug`;
  const [service] = await sql<{ id: string }[]>`select id from services where slug = ${BENCH_SERVICE}`;
  if (!service || workers.length === 0) throw new Error("bench: the bench catalog is missing");
  const asked = workers.flatMap((w) =>
    [w.id, w.slug].flatMap((worker) => [service.id, BENCH_SERVICE].map((s) => [worker, s])),
  );
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
            return { ...req, path: `/api/v1/workers/${worker}/slots?service=${s}&${days}` };
          },
        },
      ],
    });
  };
  await pass(`date=${data.day}`);
  const { result, cpuMsPerRequest, dbCpuMsPerRequest } = await measure(async () => {
    const run = await pass(`from=${data.day}&to=${data.day}`);
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
