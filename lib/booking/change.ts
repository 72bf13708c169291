// PATCH /appointments/{id} and POST /appointments/{id}/cancel. Each runs in one transaction holding
// the appointment row FOR UPDATE: a reschedule re-checks the new interval under the booking rules
// and moves the row in place, so if the new interval is refused the old one was never let go. The
// business policy's cut-offs and notice bind clients (./policy-check.ts); staff go past them, audited.
import {
  type AppointmentChanges,
  type AppointmentRow,
  findAppointment,
  updateAppointment,
} from "@/db/queries/appointments";
import { recordAudit } from "@/db/queries/audit";
import { findZonedWorker, performsService } from "@/db/queries/availability";
import { type TrimmedHold, trimHeldAround } from "@/db/queries/booking";
import { findByRef } from "@/db/queries/catalog-shared";
import { locations, services } from "@/db/schema/catalog";
import { type Caller, isStaff } from "@/lib/auth/roles";
import { readPolicy } from "@/lib/business/policy";
import { toAppointmentJson } from "@/lib/contract";
import { forbidden, notAvailable, notBooked, notFound, notStarted, validationFailed } from "@/lib/errors";
import { notifyAppointmentChange, stateOfJson } from "@/lib/notifications/notify";
import { type AppointmentPatch, MAX_APPOINTMENT_HOURS } from "@/lib/validation/appointments";
import { intervalIssue } from "@/lib/validation/schedules";
import { enqueueWaitlistFreeUp } from "@/lib/waitlist/free-up";
import { emitAppointmentChange } from "@/lib/webhooks/appointments";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { overridesBuffers, withBufferDetails, withBufferOverride } from "./buffers";
import { claimInterval } from "./claim";
import { withClientBusyDetails } from "./client-busy";
import { mintManageToken, recordManageToken } from "./manage-token";
import { type AppointmentAccess, actorUserId, cancelDecision, type Decision, patchDecision } from "./permissions";
import { type PolicyRule, withOverrides } from "./policy";
import { checkCancel, checkReschedule } from "./policy-check";
import { type BookingTarget, bookedInterval } from "./target";
import { bookingTransaction, type Tx } from "./transaction";
import { asViewer } from "./viewer";

const HOUR = 3_600_000;

const access = (row: AppointmentRow): AppointmentAccess => ({
  id: row.appointment.id,
  workerId: row.appointment.workerId,
  ownerUserId: row.client.userId,
  status: row.appointment.status,
  start: row.appointment.startAt,
});

function enforce(decision: Decision, row: AppointmentRow, caller: Caller) {
  if (decision === "allowed") return;
  if (decision === "not_found") throw notFound("Appointment");
  if (decision === "forbidden") {
    throw forbidden(
      caller.role === "worker"
        ? "A specialist marks their appointments completed or no-show and adds notes; the booking desk moves and cancels them."
        : "Only staff set the status of an appointment.",
    );
  }
  if (decision === "in_past") throw notAvailable("in_past");
  if (decision === "not_started") throw notStarted();
  throw notBooked(row.appointment.status);
}

async function lockedAppointment(tx: Tx, id: string): Promise<AppointmentRow> {
  const row = await findAppointment(tx, id, true);
  if (!row) throw notFound("Appointment");
  return row;
}

async function reload(tx: Tx, id: string) {
  const row = await findAppointment(tx, id);
  if (!row) throw new Error("appointment vanished inside its own transaction");
  return toAppointmentJson(row);
}

/** What a reschedule books: the new worker (or the same one, or the same room) with the same service. */
async function rescheduleTarget(tx: Tx, row: AppointmentRow, workerRef: string | undefined): Promise<BookingTarget> {
  const a = row.appointment;
  const service = a.serviceId ? await findByRef(services, a.serviceId, tx) : undefined;
  if (!a.workerId) {
    if (workerRef) throw validationFailed("workerId", "A room booking has no worker to change.");
    const location = await findByRef(locations, a.locationId, tx);
    if (!location) throw new Error("appointment location missing");
    return { kind: "room", location, service: service ?? null };
  }
  const worker = await findZonedWorker(tx, workerRef ?? a.workerId);
  if (!worker?.active) throw notFound("Worker");
  if (!service) throw new Error("worker appointment without a service");
  if (worker.id !== a.workerId && !(await performsService(tx, worker.id, service.id))) {
    throw validationFailed("workerId", "This worker does not perform the appointment's service.");
  }
  return { kind: "worker", worker, service, location: null };
}

/** What a 409 of a move is about: the client (client_busy), and where it is booked (slot_taken's `buffer`). */
type Moved = { clientId: string; interval: { start: Date; end: Date }; workerId?: string | null; locationId?: string };

export async function changeAppointment(caller: Caller, id: string, patch: AppointmentPatch, now: Date) {
  const overrideBuffers = overridesBuffers(caller, patch.overrideBuffers);
  // What a 409 client_busy is about, known once the row is read.
  let moved: Moved | undefined;
  try {
    return await moveOrMark(caller, id, patch, now, overrideBuffers, (m) => {
      moved = { ...moved, ...m };
    });
  } catch (err) {
    if (!moved) throw err;
    const { workerId = null, locationId, interval } = moved;
    const located = await withBufferDetails(err, { workerId, locationId, interval, exceptId: id });
    throw await withClientBusyDetails(located, caller, moved.clientId, moved.interval, id);
  }
}

async function moveOrMark(
  caller: Caller,
  id: string,
  patch: AppointmentPatch,
  now: Date,
  overrideBuffers: boolean,
  onMove: (moved: Moved) => void,
) {
  const staff = isStaff(caller.role);
  const reschedules = patch.start !== undefined || patch.end !== undefined || patch.workerId !== undefined;
  const setsStatus = patch.status !== undefined;
  return bookingTransaction(async (tx) => {
    const [row, policy, viewer] = await Promise.all([lockedAppointment(tx, id), readPolicy(tx), asViewer(caller, tx)]);
    enforce(patchDecision(viewer, access(row), { reschedules, setsStatus, status: patch.status }, now), row, caller);
    const before = toAppointmentJson(row);
    const a = row.appointment;
    const changes: AppointmentChanges = {};
    // The policy rules staff go past, for the audit rows (a client is refused instead).
    const overrides: PolicyRule[] = [];
    // Neighbours whose buffers a staff move into them cut (./buffers.ts), for the audit rows.
    let trimmed: TrimmedHold[] = [];
    if (reschedules) {
      const start = patch.start ?? a.startAt;
      overrides.push(...checkReschedule({ policy, staff, currentStart: a.startAt, newStart: start, now }));
      const target = await rescheduleTarget(tx, row, patch.workerId);
      // A client moves their appointment in time only (API.md: same worker and service).
      if (!staff && target.kind === "worker" && target.worker.id !== a.workerId) {
        throw validationFailed("workerId", "You can move the appointment to another time with the same specialist.");
      }
      // Without a new end the appointment keeps its length.
      const keptEnd = new Date(start.getTime() + (a.endAt.getTime() - a.startAt.getTime()));
      const interval = patch.end ? bookedInterval(target, start, patch.end, staff) : { start, end: keptEnd };
      const issue = intervalIssue(
        interval.start,
        interval.end,
        MAX_APPOINTMENT_HOURS * HOUR,
        `${MAX_APPOINTMENT_HOURS} hours`,
      );
      if (issue) throw validationFailed("end", issue);
      onMove({ clientId: a.clientId, interval });
      const location = await claimInterval(tx, target, interval, {
        now,
        horizon: !staff,
        grid: !staff,
        overrideBuffers,
      });
      const workerId = target.kind === "worker" ? target.worker.id : null;
      onMove({ clientId: a.clientId, interval, workerId, locationId: location.id });
      if (overrideBuffers)
        trimmed = await trimHeldAround(tx, { workerId, locationId: location.id, interval, exceptId: id });
      Object.assign(changes, {
        workerId: target.kind === "worker" ? target.worker.id : null,
        locationId: location.id,
        startAt: interval.start,
        endAt: interval.end,
        // A move books a new interval, under the business's setting of now, and its service's
        // buffers of now unless staff book into them on purpose (the database fills `held`).
        buffersOverridden: overrideBuffers,
        moved: true,
      });
    }
    if (setsStatus) changes.status = patch.status;
    if (patch.notes !== undefined) changes.notes = patch.notes;
    await updateAppointment(tx, id, changes);
    const after = await reload(tx, id);
    const audit = (action: string) => ({
      actorId: actorUserId(caller),
      action,
      entity: "appointment",
      entityId: id,
      before,
      after: withBufferOverride(withOverrides(after, overrides), reschedules && overrideBuffers, trimmed),
    });
    // Moved (or booked again): the client's messages carry a manage link with a new token (the
    // earlier ones keep working while the appointment is booked; ./manage-token.ts).
    const token =
      after.status === "booked" && row.client.email && (reschedules || patch.status === "booked")
        ? mintManageToken(id)
        : null;
    const actions = [
      ...(reschedules ? ["appointment.reschedule"] : []),
      ...(setsStatus && patch.status !== a.status ? ["appointment.status"] : []),
    ];
    await Promise.all([
      recordAudit(tx, ...(actions.length ? actions : ["appointment.update"]).map(audit)),
      enqueueWaitlistFreeUp(tx, { appointmentId: id, now, before: a, after: stateOfJson(after) }),
      token ? recordManageToken(tx, token) : undefined,
      notifyAppointmentChange(tx, {
        appointmentId: id,
        now,
        before: a,
        after: stateOfJson(after),
        manageToken: token?.sealed,
      }),
      emitAppointmentChange(tx, after, {
        rescheduled: reschedules,
        statusChanged: actions.includes("appointment.status"),
      }),
    ]);
    return after;
  });
}

/** Cancels at once (the interval is free for others as the transaction commits); cancelling twice is a no-op. */
export async function cancelAppointment(caller: Caller, id: string, now: Date) {
  return bookingTransaction(async (tx) => {
    const [row, policy, viewer] = await Promise.all([lockedAppointment(tx, id), readPolicy(tx), asViewer(caller, tx)]);
    enforce(cancelDecision(viewer, access(row), now), row, caller);
    const before = toAppointmentJson(row);
    if (row.appointment.status === "cancelled") return before;
    const overrides = checkCancel({ policy, staff: isStaff(caller.role), start: row.appointment.startAt, now });
    await updateAppointment(tx, id, { status: "cancelled", cancelledAt: now, cancelledBy: actorUserId(caller) });
    const after = await reload(tx, id);
    await Promise.all([
      recordAudit(tx, {
        actorId: actorUserId(caller),
        action: "appointment.cancel",
        entity: "appointment",
        entityId: id,
        before,
        after: withOverrides(after, overrides),
      }),
      notifyAppointmentChange(tx, { appointmentId: id, now, before: row.appointment, after: stateOfJson(after) }),
      enqueueWaitlistFreeUp(tx, { appointmentId: id, now, before: row.appointment, after: stateOfJson(after) }),
      emitWebhookEvent(tx, "appointment.cancelled", after),
    ]);
    return after;
  });
}
