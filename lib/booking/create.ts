// POST /appointments: who books for whom, what the interval is, and the one transaction that
// claims it (db/queries/booking.ts), optionally once per Idempotency-Key.
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";

import {
  type BookingTarget,
  bookingTransaction,
  claimInterval,
  findBookingRefs,
  insertAppointment,
  plannedAppointment,
  type Tx,
} from "@/db/queries/booking";
import { createClient, lockClient } from "@/db/queries/clients";
import { requestHash, runOncePerKey, type StoredResponse, storedResponse } from "@/db/queries/idempotency";
import type { Client } from "@/db/schema/appointments";
import { type Caller, isStaff } from "@/lib/auth/roles";
import { toAppointmentJson } from "@/lib/contract";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { ensureClientOfUser } from "@/lib/people/client-of-user";
import type { AppointmentCreate } from "@/lib/validation/appointments";
import { withClientBusyDetails } from "./client-busy";
import { defaultEnd } from "./rules";

/** The worker, service and location the body names, checked against each other. */
export async function resolveTarget(body: Pick<AppointmentCreate, "workerId" | "serviceId" | "locationId">) {
  const db = await getDb();
  const { worker, service, location, performs } = await findBookingRefs(db, {
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
    return { kind: "worker", worker, service, location: location ?? null } satisfies BookingTarget;
  }
  if (!location) throw validationFailed("locationId", "Give a workerId, or the locationId of a room.");
  if (location.kind !== "room") {
    throw validationFailed("workerId", "A workplace is booked with one of its workers: give workerId.");
  }
  return { kind: "room", location, service: service ?? null } satisfies BookingTarget;
}

/**
 * The interval booked: `end` defaults to start + the service's duration. Only staff choose another
 * length for a service; a room booked without a service takes the end given.
 */
export function bookedInterval(target: BookingTarget, start: Date, end: Date | undefined, staff: boolean) {
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

/** Whose appointment it is: a client's own; staff name an existing client or give a new one inline. */
async function bookedClient(tx: Tx, caller: Caller, body: AppointmentCreate): Promise<Client> {
  if (!isStaff(caller.role)) return ensureClientOfUser(tx, caller.id);
  if (body.client) return createClient(tx, body.client);
  if (!body.clientId) throw validationFailed("clientId", "Give clientId, or a new client as client.");
  // Held until the booking commits, so the record cannot be deleted from under it.
  const client = await lockClient(tx, body.clientId, "share");
  if (!client) throw notFound("Client");
  return client;
}

/** Books and answers `201 Appointment`; with `idempotencyKey`, at most once per key. */
export async function createAppointment(
  caller: Caller,
  body: AppointmentCreate,
  options: { now: Date; idempotencyKey?: string },
): Promise<StoredResponse & { replayed: boolean }> {
  const staff = isStaff(caller.role);
  const key = options.idempotencyKey;
  const claim = key ? { ownerId: caller.id, key, hash: requestHash("POST", "/api/v1/appointments", body) } : undefined;
  let target: BookingTarget;
  let interval: { start: Date; end: Date };
  try {
    target = await resolveTarget(body);
    interval = bookedInterval(target, body.start, body.end, staff);
  } catch (err) {
    // A retry whose worker, service or location has gone since the first request booked still gets
    // that first answer. Looked up only here, so the first request of a key pays no extra round trip.
    const stored = claim && err instanceof AppError ? await storedResponse(await getDb(), claim) : undefined;
    if (stored) return stored;
    throw err;
  }
  // Whose time a 409 client_busy is about, known once the transaction found the client.
  let clientId: string | undefined;
  // Four round trips in the transaction: begin, the client and the shifts together, the insert
  // and its audit row together (pipelined on the connection), commit.
  const book = async (tx: Tx): Promise<StoredResponse> => {
    const [client, location] = await Promise.all([
      bookedClient(tx, caller, body),
      claimInterval(tx, target, interval, { now: options.now, horizon: !staff, grid: !staff }),
    ]);
    clientId = client.id;
    const booking = {
      target,
      interval,
      location,
      client,
      notes: body.notes ?? null,
      createdBy: caller.id,
      now: options.now,
    };
    const view = plannedAppointment(booking);
    const json = toAppointmentJson(view);
    const id = view.appointment.id;
    await Promise.all([
      insertAppointment(tx, view),
      recordAudit(tx, {
        actorId: caller.id,
        action: "appointment.create",
        entity: "appointment",
        entityId: id,
        after: json,
      }),
    ]);
    return { status: 201, body: json };
  };
  const db = await getDb();
  try {
    if (!claim) return await bookingTransaction(db, async (tx) => ({ ...(await book(tx)), replayed: false }));
    return await bookingTransaction(db, (tx) => runOncePerKey(tx, claim, () => book(tx)));
  } catch (err) {
    throw await withClientBusyDetails(err, caller, clientId, interval);
  }
}
