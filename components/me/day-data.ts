// The data of the specialist's day (/me/day): their worker's appointments of this week and their
// time off, read through the JSON API. Each read also says when the server answered (its Date
// header): offline, the service worker hands back the last answer it kept, and the page says how
// old it is.

import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { ApiError, query } from "@/components/lib/api-client";
import type { Appointment, TimeOff } from "@/lib/contract";

export type Dated<T> = { data: T; asOf: Date | null };

/** A GET of `/api/v1{path}` that keeps the answer's Date header (a network failure: ApiError status 0). */
export async function getDated<T>(path: string, signal?: AbortSignal): Promise<Dated<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      headers: { accept: "application/json" },
      credentials: "same-origin",
      signal,
    });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError(0, "network_error", "The server could not be reached. Check the connection.");
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const error = body?.error ?? {};
    throw new ApiError(res.status, error.code ?? "unknown", error.message ?? res.statusText, error.details ?? {});
  }
  const date = res.headers.get("date");
  return { data: body as T, asOf: date ? new Date(date) : null };
}

/** The local dates of the week shown: today and the six days after, in the worker's timezone. */
export function weekOf(timezone: string, now = new Date()) {
  const today = new TZDate(now, timezone);
  const day = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return { today: day(today), last: day(addDays(today, 6)) };
}

/** The local date (YYYY-MM-DD) of an instant in `timezone`. */
export function localDate(instant: string, timezone: string): string {
  return weekOf(timezone, new Date(instant)).today;
}

export const dayKeys = {
  appointments: (from: string, to: string) => ["appointments", "worker-day", { from, to }] as const,
  timeOff: (worker: string, from: string) => ["time-off", worker, from] as const,
};

export const appointmentsPath = (from: string, to: string) => `/appointments${query({ from, to, limit: 200 })}`;
export const timeOffPath = (worker: string, from: string) =>
  `/workers/${encodeURIComponent(worker)}/time-off${query({ from, limit: 100 })}`;

export type DayList = { items: Appointment[] };
export type TimeOffList = { items: TimeOff[] };
