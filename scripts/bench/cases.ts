// The benchmarks `npm run bench` runs. A case names a request against the generated data set
// (dataset.ts); `phase` says whether it runs with the small table, after growing it, or both.

import type { Sql } from "postgres";
import { addDaysToDate } from "@/lib/time/zoned";
import { runComputedAvailableDays } from "./available-days-computed";
import { type LoadResult, runBookings } from "./bookings";
import { BENCH_SERVICE, BENCH_SPECIALTY, type BenchDataset } from "./dataset";
import type { CpuPerRequest } from "./server";
import { runComputedSlots } from "./slots-computed";

export type BenchRequest = {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

/** Wraps the measured part of a case's load: adds the server's and PostgreSQL's CPU per request. */
export type Measure = <T extends { requests: number }>(load: () => Promise<T>) => Promise<T & CpuPerRequest>;

export type RunContext = { baseUrl: string; sql: Sql; data: BenchDataset; duration: number; measure: Measure };

export type BenchCase = {
  name: string;
  /** What the number means, printed under the table. */
  description: string;
  request: (data: BenchDataset) => BenchRequest;
  /** "small": with about a thousand appointments; "large": after growing the table. */
  phases: ("small" | "large")[];
  connections?: number;
  /** A case that drives the load itself (e.g. a different body per request) instead of `request`. */
  run?: (ctx: RunContext) => Promise<LoadResult>;
  /**
   * Measured against the reference app (scripts/bench/reference) in the same run: its request is
   * loaded for half the case's time just before and half just after the case, and the case's req/s
   * must be at least `target` times the reference's.
   */
  versus?: { reference: ReferenceName; target: number };
  /** "reference": the request goes to the reference app instead (a floor to read the table by). */
  on?: "app" | "reference";
};

/** The reference app's routes: a `select 1` through postgres.js, a dynamic page of 20 rows, a JSON object. */
export const referenceRoutes = {
  "select-1": { path: "/api/select-1", description: "GET /api/select-1: a route handler that runs `select 1`" },
  page: { path: "/", description: "GET /: a dynamic page listing 20 rows of the workers table" },
  json: { path: "/api/json", description: "GET /api/json: a route handler answering a small JSON object" },
} as const;

export type ReferenceName = keyof typeof referenceRoutes;

export const cases: BenchCase[] = [
  {
    name: "reference-json",
    description: "The reference app's GET /api/json: what Next.js itself costs per request on this machine",
    request: () => ({ path: referenceRoutes.json.path }),
    phases: ["small"],
    on: "reference",
  },
  {
    name: "health",
    description: "GET /api/v1/health: routing, the handler wrapper and one `select 1` round trip",
    request: () => ({ path: "/api/v1/health" }),
    phases: ["small"],
    versus: { reference: "select-1", target: 0.85 },
  },
  {
    name: "slots",
    description:
      "GET /api/v1/workers/{ref}/slots for one worker-day (a shift, four booked appointments), asked again and again",
    request: (data) => ({
      path: `/api/v1/workers/${data.workerSlugs[0]}/slots?service=${BENCH_SERVICE}&date=${data.day}`,
    }),
    phases: ["small", "large"],
    versus: { reference: "select-1", target: 0.75 },
  },
  {
    name: "workers",
    description: "GET /api/v1/workers: the first page (20) of the public workers list, signed out",
    request: () => ({ path: "/api/v1/workers" }),
    phases: ["small"],
    versus: { reference: "select-1", target: 0.75 },
  },
  {
    name: "slots-computed",
    description:
      "GET /api/v1/workers/{ref}/slots for one worker-day never asked for before: computed, not remembered (800 requests)",
    request: () => ({ path: "/api/v1/workers/{ref}/slots" }),
    // In the large phase too: growing the table wrote rows for every bench worker, which moved each
    // worker's schedule version, so the lists of the small phase are not used again.
    phases: ["small", "large"],
    run: (ctx) => runComputedSlots(ctx, 10),
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
  {
    name: "bookings",
    description:
      "POST /api/v1/appointments on distinct slots of 200 workers (20 connections); every 201 counted in the table",
    request: () => ({ method: "POST", path: "/api/v1/appointments" }),
    phases: ["small"],
    connections: 20,
    run: (ctx) => runBookings(ctx, { connections: 20 }),
    versus: { reference: "select-1", target: 0.5 },
  },
  {
    name: "home",
    description: "GET /: the home page (filters and the first page of workers), signed out",
    request: () => ({ path: "/" }),
    phases: ["small"],
    versus: { reference: "page", target: 0.6 },
  },
  {
    name: "worker-page",
    description: "GET /workers/{slug}: a worker's page with the day of their first free slot, signed out",
    request: (data) => ({ path: `/workers/${data.workerSlugs[0]}` }),
    phases: ["small"],
    versus: { reference: "page", target: 0.6 },
  },
  {
    name: "available-days",
    description:
      "GET /api/v1/workers/{ref}/available-days for 31 days of one worker around the bench day (past days fully booked once the table is grown), asked again and again",
    request: (data) => ({
      path: `/api/v1/workers/${data.workerSlugs[0]}/available-days?service=${BENCH_SERVICE}&from=${addDaysToDate(data.day, -15)}&to=${addDaysToDate(data.day, 15)}`,
    }),
    phases: ["small", "large"],
  },
  {
    name: "available-days-computed",
    description:
      "GET /api/v1/workers/{ref}/available-days for 31 days of one worker never asked for before: computed, not remembered (800 requests; read against slots-computed)",
    request: () => ({ path: "/api/v1/workers/{ref}/available-days" }),
    // In the large phase too, over other months: none of the small phase's is used again.
    phases: ["small", "large"],
    run: (ctx) => runComputedAvailableDays(ctx, 10),
  },
];
