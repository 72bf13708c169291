// A place to book in for appointment tests: a workplace, a service, a worker performing it with a
// shift from one to nine hours from now, and callers of every role, plus short calls to the
// appointment endpoints through their route handlers.

import * as cancelRoute from "@/app/api/v1/appointments/[id]/cancel/route";
import * as appointmentRoutes from "@/app/api/v1/appointments/[id]/route";
import * as listRoutes from "@/app/api/v1/appointments/route";
import { makeLocation, makeService, makeShift, makeWorker, userWithToken } from "./fixtures";
import { call } from "./http";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An instant `minutes` from the start of the current hour plus two hours: inside the scene's shift. */
export function shiftTime(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * MINUTE);
}

export async function bookingScene() {
  const location = await makeLocation();
  const service = await makeService({ durationMinutes: 30, price: 1500 });
  const worker = await makeWorker({ locationId: location.id, bookingHorizonDays: 7 }, [service.id]);
  const hour = Math.ceil(Date.now() / HOUR) * HOUR;
  const shiftStart = new Date(hour + HOUR);
  const shift = await makeShift({
    workerId: worker.id,
    locationId: location.id,
    startAt: shiftStart,
    endAt: new Date(hour + 9 * HOUR),
  });
  const [client, otherClient, admin, manager] = await Promise.all([
    userWithToken("client", "Client One"),
    userWithToken("client", "Client Two"),
    userWithToken("admin"),
    userWithToken("manager"),
  ]);
  /** A body booking the service with the worker `minutes` after the shift starts. */
  const slot = (minutes: number, extra: Record<string, unknown> = {}) => ({
    workerId: worker.id,
    serviceId: service.id,
    start: shiftTime(shiftStart, minutes).toISOString(),
    ...extra,
  });
  return { location, service, worker, shift, shiftStart, client, otherClient, admin, manager, slot };
}

export const appointmentsApi = {
  create: (token: string | undefined, body: unknown, headers?: Record<string, string>) =>
    call(listRoutes.POST, "POST", "/api/v1/appointments", { token, body, headers }),
  list: (token: string | undefined, query = "") =>
    call(listRoutes.GET, "GET", `/api/v1/appointments?${query}`, { token }),
  get: (token: string | undefined, id: string) =>
    call(appointmentRoutes.GET, "GET", `/api/v1/appointments/${id}`, { token, params: { id } }),
  patch: (token: string | undefined, id: string, body: unknown) =>
    call(appointmentRoutes.PATCH, "PATCH", `/api/v1/appointments/${id}`, { token, params: { id }, body }),
  cancel: (token: string | undefined, id: string) =>
    call(cancelRoute.POST, "POST", `/api/v1/appointments/${id}/cancel`, { token, params: { id } }),
};
