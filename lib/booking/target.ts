// What a booking is for and when: the worker (with the service they perform) or the room the body
// names, checked against each other, and the interval booked there.
import { getDb } from "@/db/client";
import type { ZonedWorker } from "@/db/queries/availability";
import { findBookingRefs } from "@/db/queries/booking";
import type { Location, Service } from "@/db/schema/catalog";
import { notFound, validationFailed } from "@/lib/errors";
import type { AppointmentCreate } from "@/lib/validation/appointments";
import { defaultEnd } from "./rules";

/** Where and what is booked: a worker (with the service they perform) or a room on its own. */
export type BookingTarget =
  | { kind: "worker"; worker: ZonedWorker; service: Service; location: Location | null }
  | { kind: "room"; location: Location; service: Service | null };

/** The worker, service and location the body names (one round trip), checked against each other. */
export async function resolveTarget(
  body: Pick<AppointmentCreate, "workerId" | "serviceId" | "locationId">,
): Promise<BookingTarget> {
  const { worker, service, location, performs } = await findBookingRefs(await getDb(), {
    worker: body.workerId,
    service: body.serviceId,
    location: body.locationId,
  });
  if (body.workerId && !worker?.active) throw notFound("Worker");
  if (body.serviceId && !service?.active) throw notFound("Service");
  if (body.locationId && !location) throw notFound("Location");
  if (worker) {
    if (!service) throw validationFailed("serviceId", "Give the service to book with this worker.");
    if (!performs) {
      throw validationFailed("serviceId", "This worker does not perform that service.");
    }
    return { kind: "worker", worker, service, location: location ?? null };
  }
  if (!location) throw validationFailed("locationId", "Give a workerId, or the locationId of a room.");
  if (location.kind !== "room") {
    throw validationFailed("workerId", "A workplace is booked with one of its workers: give workerId.");
  }
  return { kind: "room", location, service: service ?? null };
}

/**
 * The interval booked: `end` defaults to start + the service's duration. Only staff choose another
 * length for a service; a room booked without a service takes the end given.
 */
export function bookedInterval(
  target: Pick<BookingTarget, "service">,
  start: Date,
  end: Date | undefined,
  staff: boolean,
) {
  const service = target.service;
  const serviceEnd = service ? defaultEnd(start, service.durationMinutes) : undefined;
  if (!staff && end && serviceEnd && end.getTime() !== serviceEnd.getTime()) {
    throw validationFailed(
      "end",
      `Only staff choose a length; this service takes ${service?.durationMinutes} minutes.`,
    );
  }
  const chosen = end ?? serviceEnd;
  if (!chosen) throw validationFailed("end", "Give an end when no service gives the duration.");
  return { start, end: chosen };
}
