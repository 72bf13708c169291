// Data for the staff-area specs, made through the JSON API with a bearer token, unique per test so
// specs can run in parallel on one database.
import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";
import { addDaysToDate, isoWeekdayOf, zonedDateOf } from "../lib/time/zoned";
import { E2E_MANAGER } from "./env";
import type { TestUser } from "./fixtures";

export const unique = (label: string) => `${label} ${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

/** The calendar date `days` from today in `timeZone`, and its ISO weekday. */
export function dayIn(timeZone: string, days: number) {
  const date = addDaysToDate(zonedDateOf(new Date(), timeZone), days);
  return { date, weekday: isoWeekdayOf(date) };
}

export type Api = {
  get: <T = unknown>(path: string) => Promise<T>;
  post: <T = unknown>(path: string, data: unknown) => Promise<T>;
  put: <T = unknown>(path: string, data: unknown) => Promise<T>;
};

/** API calls as a user, with a bearer token from POST /auth/token; each call must succeed. */
export async function apiAs(request: APIRequestContext, user: Pick<TestUser, "email" | "password">): Promise<Api> {
  const token = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(token.status(), await token.text()).toBe(200);
  const headers = { Authorization: `Bearer ${(await token.json()).accessToken}` };
  const call = async <T>(method: "get" | "post" | "put", path: string, data?: unknown): Promise<T> => {
    const res = await request[method](`/api/v1${path}`, { headers, data });
    expect(res.ok(), `${method.toUpperCase()} ${path} answered ${res.status()}: ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  };
  return {
    get: (path) => call("get", path),
    post: (path, data) => call("post", path, data),
    put: (path, data) => call("put", path, data),
  };
}

export const managerApi = (request: APIRequestContext) => apiAs(request, E2E_MANAGER);

type Ref = { id: string; slug: string; name: string };

/** A location in Moscow, a 60-minute service and a worker there who performs it. */
export async function createWorkplace(api: Api, label = "Desk") {
  const location = await api.post<Ref & { timezone: string }>("/locations", {
    name: unique(`${label} clinic`),
    timezone: "Europe/Moscow",
  });
  const service = await api.post<Ref & { durationMinutes: number }>("/services", {
    name: unique(`${label} massage`),
    durationMinutes: 60,
    price: 2500,
  });
  const worker = await api.post<Ref>("/workers", {
    name: unique(`${label} worker`),
    locationId: location.id,
    serviceIds: [service.id],
    bookingHorizonDays: 14,
  });
  return { location, service, worker };
}

/** Shifts of 09:00-17:00 on every day from today on, in the location's zone. */
export function scheduleEveryDay(api: Api, workerId: string, location: { id: string; timezone: string }) {
  return api.put(`/workers/${workerId}/weekly-schedule`, {
    locationId: location.id,
    from: dayIn(location.timezone, 0).date,
    rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
  });
}

/** A new admin (booking desk) account, created by the e2e manager through POST /users. */
export async function createAdmin(api: Api): Promise<TestUser> {
  const suffix = `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
  const admin: TestUser = {
    email: `e2e-admin-${suffix}@e2e.test`,
    password: `pw-${randomBytes(8).toString("hex")}`,
    name: `E2E Admin ${suffix}`,
    role: "admin",
  };
  await api.post("/users", { email: admin.email, password: admin.password, name: admin.name, role: "admin" });
  return admin;
}
