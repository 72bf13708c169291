// POST /appointments: who books for whom, what and when (./target.ts), and the one transaction that
// claims the interval (./claim.ts) and inserts the appointment with its audit row, optionally once
// per Idempotency-Key (./idempotency.ts).
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import type { AppointmentView } from "@/db/queries/appointments";
import { recordAudit } from "@/db/queries/audit";
import { type BookedLocation, insertAppointment, type NewAppointment, trimHeldAround } from "@/db/queries/booking";
import { createClient, lockClient } from "@/db/queries/clients";
import { markWaitlistBooked } from "@/db/queries/waitlist";
import type { Client } from "@/db/schema/appointments";
import { type Caller, isStaff } from "@/lib/auth/roles";
import { readPolicy } from "@/lib/business/policy";
import { toAppointmentJson, toClientJson } from "@/lib/contract";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { notifyAppointmentChange } from "@/lib/notifications/notify";
import { ensureClientOfUser } from "@/lib/people/client-of-user";
import { ANY_WORKER, type AppointmentCreate } from "@/lib/validation/appointments";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { bookAnyWorker } from "./any-worker";
import { overridesBuffers, withBufferDetails, withBufferOverride } from "./buffers";
import { claimInterval } from "./claim";
import { withClientBusyDetails } from "./client-busy";
import { guestClientRecord, guestDetails } from "./guest-client";
import { requestHash, runOncePerKey, type StoredResponse, storedResponse } from "./idempotency";
import { mintManageToken, recordManageToken } from "./manage-token";
import { actorUserId, isGuest } from "./permissions";
import { withOverrides } from "./policy";
import { checkNewBooking } from "./policy-check";
import { type BookingTarget, bookedInterval, resolveTarget } from "./target";
import { bookingTransaction, type Tx } from "./transaction";

/** Whose appointment it is: a client's own; staff name an existing client or give a new one inline. */
async function bookedClient(tx: Tx, caller: Caller, body: AppointmentCreate): Promise<Client> {
  if (isGuest(caller)) return guestClientRecord(tx, guestDetails(body));
  if (!isStaff(caller.role)) return ensureClientOfUser(tx, caller.id);
  if (body.client) {
    const created = await createClient(tx, body.client);
    await emitWebhookEvent(tx, "client.created", toClientJson(created));
    return created;
  }
  if (!body.clientId) throw validationFailed("clientId", "Give clientId, or a new client as client.");
  // Held until the booking commits, so the record cannot be deleted from under it.
  const client = await lockClient(tx, body.clientId, "share");
  if (!client) throw notFound("Client");
  return client;
}

type NewBooking = {
  target: BookingTarget;
  interval: { start: Date; end: Date };
  location: BookedLocation;
  client: Client;
  notes: string | null;
  /** Staff booked into buffers on purpose: the row holds its own interval only (./buffers.ts). */
  buffersOverridden: boolean;
  createdBy: string | null;
  now: Date;
};

/**
 * The appointment a booking inserts, complete with its id and timestamps, so that its JSON and audit
 * row can be written in the same round trip as the insert. The price and currency are the
 * service's at this moment.
 */
function plannedAppointment(booking: NewBooking): { row: NewAppointment; view: AppointmentView } {
  const { target, interval, location, client } = booking;
  const service = target.service;
  const worker = target.kind === "worker" ? target.worker : null;
  const row: NewAppointment = {
    id: randomUUID(),
    workerId: worker?.id ?? null,
    locationId: location.id,
    serviceId: service?.id ?? null,
    clientId: client.id,
    startAt: interval.start,
    endAt: interval.end,
    status: "booked",
    price: service?.price ?? 0,
    currency: service?.currency ?? "RUB",
    notes: booking.notes,
    buffersOverridden: booking.buffersOverridden,
    createdAt: booking.now,
    createdBy: booking.createdBy,
    updatedAt: booking.now,
  };
  const view: AppointmentView = {
    appointment: { ...row, cancelledAt: null, cancelledBy: null },
    timezone: location.timezone,
    location,
    worker: worker && { id: worker.id, slug: worker.slug, name: worker.name },
    service: service && { id: service.id, slug: service.slug, name: service.name },
    client: { id: client.id, name: client.name, phone: client.phone, email: client.email, userId: client.userId },
  };
  return { row, view };
}

/**
 * Books and answers `201 Appointment`; with `idempotencyKey`, at most once per key. `workerId: "any"`
 * books through ./any-worker.ts, which calls this again with the chosen worker as `target`.
 */
export async function createAppointment(
  caller: Caller,
  body: AppointmentCreate,
  options: { now: Date; idempotencyKey?: string; target?: BookingTarget },
): Promise<StoredResponse & { replayed: boolean }> {
  const staff = isStaff(caller.role);
  const overrideBuffers = overridesBuffers(caller, body.overrideBuffers);
  const key = options.idempotencyKey;
  const claim = key ? { ownerId: caller.id, key, hash: requestHash("POST", "/api/v1/appointments", body) } : undefined;
  if (body.workerId === ANY_WORKER && !options.target) {
    return bookAnyWorker(
      body,
      { now: options.now, staff },
      {
        book: (target) => createAppointment(caller, body, { ...options, target }),
        replay: async () => (claim ? storedResponse(await getDb(), claim) : undefined),
      },
    );
  }
  let target: BookingTarget;
  let interval: { start: Date; end: Date };
  try {
    target = options.target ?? (await resolveTarget(body));
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
  // Where a 409 slot_taken is about (whether only buffers caused it), known once the interval is claimed.
  let claimedLocationId: string | undefined;
  // Four round trips in the transaction: begin, the client, the shifts and the business policy
  // together, the insert and its audit row together (pipelined on the connection), commit; one more
  // (the client's lock and count) only while the policy limits upcoming appointments.
  const book = async (tx: Tx): Promise<StoredResponse> => {
    const [client, location, policy] = await Promise.all([
      bookedClient(tx, caller, body),
      claimInterval(tx, target, interval, { now: options.now, horizon: !staff, grid: !staff, overrideBuffers }),
      readPolicy(tx),
    ]);
    clientId = client.id;
    claimedLocationId = location.id;
    const workerId = target.kind === "worker" ? target.worker.id : null;
    const [overrides, trimmed] = await Promise.all([
      checkNewBooking(tx, { policy, staff, clientId, start: interval.start, now: options.now }),
      overrideBuffers ? trimHeldAround(tx, { workerId, locationId: location.id, interval }) : [],
    ]);
    const { row, view } = plannedAppointment({
      target,
      interval,
      location,
      client,
      notes: body.notes ?? null,
      buffersOverridden: overrideBuffers,
      createdBy: actorUserId(caller),
      now: options.now,
    });
    const json = toAppointmentJson(view);
    // The manage link of the client's mails (./manage-token.ts): guests have no other way in.
    const token = client.email ? mintManageToken(row.id as string) : null;
    await Promise.all([
      insertAppointment(tx, row),
      recordAudit(tx, {
        actorId: actorUserId(caller),
        action: "appointment.create",
        entity: "appointment",
        entityId: row.id,
        after: withBufferOverride(withOverrides(json, overrides), overrideBuffers, trimmed),
      }),
      emitWebhookEvent(tx, "appointment.created", json),
      // The client's waitlist entries this booking serves (lib/waitlist/free-up.ts).
      target.kind === "worker"
        ? markWaitlistBooked(
            tx,
            {
              appointmentId: row.id as string,
              clientId: client.id,
              workerId: target.worker.id,
              serviceId: target.service.id,
              ...interval,
            },
            options.now,
          )
        : undefined,
      token ? recordManageToken(tx, token) : undefined,
      notifyAppointmentChange(tx, {
        appointmentId: row.id as string,
        after: view.appointment,
        now: options.now,
        manageToken: token?.sealed,
      }),
    ]);
    return { status: 201, body: json };
  };
  try {
    if (!claim) return await bookingTransaction(async (tx) => ({ ...(await book(tx)), replayed: false }));
    return await bookingTransaction((tx) => runOncePerKey(tx, claim, () => book(tx)));
  } catch (err) {
    const workerId = target.kind === "worker" ? target.worker.id : null;
    const located = await withBufferDetails(err, { workerId, locationId: claimedLocationId, interval });
    throw await withClientBusyDetails(located, caller, clientId, interval);
  }
}
