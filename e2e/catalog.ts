// Catalog data for the client journeys, created through the public API as the e2e manager (the e2e
// server starts with an empty database). Every name carries a unique suffix, so tests running in
// parallel, and reruns against a reused server, never see each other's workers or rooms.
import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";
import { addDaysToDate, zonedDateOf } from "@/lib/time/zoned";
import { E2E_MANAGER } from "./env";

/** The zone of every e2e location: no summer time, and far from UTC so zone mistakes show. */
export const E2E_TIME_ZONE = "Europe/Moscow";

const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

/** Today and tomorrow in the e2e locations' zone. */
export function localDays() {
  const today = zonedDateOf(new Date(), E2E_TIME_ZONE);
  return { today, tomorrow: addDaysToDate(today, 1) };
}

export async function bearer(request: APIRequestContext, user: { email: string; password: string }) {
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status(), await res.text()).toBe(200);
  return { Authorization: `Bearer ${(await res.json()).accessToken}` };
}

async function post<T>(request: APIRequestContext, headers: Record<string, string>, path: string, data: unknown) {
  const res = await request.post(`/api/v1${path}`, { headers, data });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(201);
  return (await res.json()) as T;
}

type Named = { id: string; slug: string; name: string };
export type E2EWorker = Named & {
  service: Named & { price: number; durationMinutes: number };
  location: Named;
  specialty: Named;
};

/**
 * A workplace, a specialty, a 30-minute service and a worker performing it, working 09:00-18:00
 * every day from today on (in Europe/Moscow), bookable 14 days ahead.
 */
export async function createWorker(request: APIRequestContext, label = "worker"): Promise<E2EWorker> {
  const auth = await bearer(request, E2E_MANAGER);
  const id = unique();
  const location = await post<Named>(request, auth, "/locations", {
    name: `Clinic ${id}`,
    address: `${id} Main Street`,
    timezone: E2E_TIME_ZONE,
  });
  const specialty = await post<Named>(request, auth, "/specialties", { name: `Dentistry ${id}` });
  const service = await post<E2EWorker["service"]>(request, auth, "/services", {
    name: `Check-up ${id}`,
    durationMinutes: 30,
    price: 1500,
    currency: "RUB",
  });
  const worker = await post<Named>(request, auth, "/workers", {
    name: `Dr ${label} ${id}`,
    bio: "Twenty years of gentle check-ups.",
    specialtyId: specialty.id,
    locationId: location.id,
    serviceIds: [service.id],
    bookingHorizonDays: 14,
  });
  const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "09:00", end: "18:00" }));
  const res = await request.put(`/api/v1/workers/${worker.id}/weekly-schedule`, {
    headers: auth,
    data: { locationId: location.id, from: localDays().today, rules },
  });
  expect(res.status(), await res.text()).toBe(200);
  return { ...worker, service, location, specialty };
}

/** A meeting room (a location of kind room) in the e2e zone. */
export async function createRoom(request: APIRequestContext): Promise<Named> {
  const auth = await bearer(request, E2E_MANAGER);
  const id = unique();
  return post<Named>(request, auth, "/locations", {
    name: `Room ${id}`,
    kind: "room",
    address: `Floor 3, ${id}`,
    description: "Twelve seats and a screen.",
    timezone: E2E_TIME_ZONE,
  });
}

/** Books a worker's slot through the API as `client`, the way another browser would. */
export async function bookAs(
  request: APIRequestContext,
  client: { email: string; password: string },
  body: { workerId: string; serviceId: string; start: string },
) {
  return post<{ id: string }>(request, await bearer(request, client), "/appointments", body);
}
