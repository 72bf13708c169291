// The benchmarks `npm run bench` runs. A case names a request against the generated data set
// (dataset.ts); `phase` says whether it runs with the small table, after growing it, or both.

import { BENCH_SERVICE, BENCH_SPECIALTY, type BenchDataset } from "./dataset";

export type BenchRequest = {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type BenchCase = {
  name: string;
  /** What the number means, printed under the table. */
  description: string;
  request: (data: BenchDataset) => BenchRequest;
  /** "small": with about a thousand appointments; "large": after growing the table. */
  phases: ("small" | "large")[];
  connections?: number;
};

export const cases: BenchCase[] = [
  {
    name: "health",
    description: "GET /api/v1/health: routing, the handler wrapper and one `select 1` round trip",
    request: () => ({ path: "/api/v1/health" }),
    phases: ["small"],
  },
  {
    name: "slots",
    description: "GET /api/v1/workers/{ref}/slots for one worker-day (a shift, four booked appointments)",
    request: (data) => ({
      path: `/api/v1/workers/${data.workerSlugs[0]}/slots?service=${BENCH_SERVICE}&date=${data.day}`,
    }),
    phases: ["small", "large"],
  },
  {
    name: "availability",
    description: "GET /api/v1/availability over 200 workers for one day (one request at a time)",
    request: (data) => ({
      path: `/api/v1/availability?service=${BENCH_SERVICE}&specialty=${BENCH_SPECIALTY}&date=${data.day}&limit=200`,
    }),
    phases: ["small", "large"],
    connections: 1,
  },
];
