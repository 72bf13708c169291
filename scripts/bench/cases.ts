// The benchmarks `npm run bench` runs, one entry each. A case names a request; `prepare` may first
// call the running app (to sign in, or look up a worker id) and returns what to add to the request.
// Add slots, availability and bookings here as those endpoints land.

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
  request: BenchRequest;
  /** Runs once against the live server before the load; may replace parts of the request. */
  prepare?: (baseUrl: string) => Promise<Partial<BenchRequest>>;
  connections?: number;
};

export const cases: BenchCase[] = [
  {
    name: "health",
    description: "GET /api/v1/health: routing, the handler wrapper and one `select 1` round trip",
    request: { path: "/api/v1/health" },
  },
];
