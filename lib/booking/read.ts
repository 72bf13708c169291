// Reading appointments as a caller may: staff see all, a client only their own, and someone else's
// id answers 404 exactly like a missing one.
import { type Executor, getDb } from "@/db/client";
import { type AppointmentRow, findAppointment, listAppointments } from "@/db/queries/appointments";
import { findByRef } from "@/db/queries/catalog-shared";
import { locations, workers } from "@/db/schema/catalog";
import { type Caller, isStaff } from "@/lib/auth/roles";
import { notFound, validationFailed } from "@/lib/errors";
import type { AppointmentListQuery } from "@/lib/validation/appointments";
import { canView } from "./permissions";
import { asViewer } from "./viewer";

export async function visibleAppointment(caller: Caller, id: string): Promise<AppointmentRow> {
  const db = await getDb();
  const [row, viewer] = await Promise.all([findAppointment(db, id), asViewer(caller, db)]);
  if (!row || !canView(viewer, { ownerUserId: row.client.userId, workerId: row.appointment.workerId })) {
    throw notFound("Appointment");
  }
  return row;
}

/**
 * The caller's own booked appointment with this worker that starts at `start`, if any. Confirming a
 * slot again (a double submit, or back and confirm once more) finds the caller's first booking
 * there, which must not be reported as taken by someone else.
 */
export async function ownBookingAt(caller: Caller, workerId: string, start: Date): Promise<AppointmentRow | undefined> {
  const [row] = await listAppointments(await getDb(), {
    ownerUserId: caller.id,
    workerId,
    status: "booked",
    startFrom: start,
    startBefore: new Date(start.getTime() + 1),
    limit: 1,
    offset: 0,
  });
  return row;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `from`/`to`: an instant bounds the start as is; a date is a local day of each appointment's location. */
function bounds(query: AppointmentListQuery) {
  const from = query.from ?? query.date;
  const to = query.to ?? query.date;
  const result: { startFrom?: Date; startBefore?: Date; fromDate?: string; toDate?: string } = {};
  if (from) {
    if (DATE.test(from)) result.fromDate = from;
    else result.startFrom = new Date(from);
  }
  if (to) {
    if (DATE.test(to)) result.toDate = to;
    else result.startBefore = new Date(to);
  }
  if (result.startFrom && result.startBefore && result.startBefore <= result.startFrom) {
    throw validationFailed("to", "to must be after from.");
  }
  if (result.fromDate && result.toDate && result.toDate < result.fromDate) {
    throw validationFailed("to", "to must not be before from.");
  }
  return result;
}

/**
 * Whose appointments a caller lists: staff everyone's, a worker their own worker record's (none
 * while no record is linked), anyone else their own as a client.
 */
async function listScope(caller: Caller, db: Executor): Promise<{ ownerUserId?: string; ownWorkerId?: string }> {
  if (isStaff(caller.role)) return {};
  const viewer = await asViewer(caller, db);
  if (caller.role === "worker") return { ownWorkerId: viewer.ownWorkerId ?? NO_WORKER };
  return { ownerUserId: caller.id };
}

/** No worker has this id: a worker with no linked record lists nothing. */
const NO_WORKER = "00000000-0000-0000-0000-000000000000";

/**
 * GET /appointments: worker and location filters take an id or a slug. A worker's `workerId` filter
 * naming another worker answers an empty list (the filters narrow the caller's own appointments).
 */
export async function listVisibleAppointments(caller: Caller, query: AppointmentListQuery) {
  if (query.date && (query.from || query.to)) throw validationFailed("date", "Give date, or from/to, not both.");
  const db = await getDb();
  const [worker, location] = await Promise.all([
    query.workerId ? findByRef(workers, query.workerId, db) : undefined,
    query.locationId ? findByRef(locations, query.locationId, db) : undefined,
  ]);
  // Like the stats filters: a reference naming nothing is a mistake to report, not an empty list.
  if (query.workerId && !worker) throw validationFailed("workerId", "No worker has that id or slug.");
  if (query.locationId && !location) throw validationFailed("locationId", "No location has that id or slug.");
  const scope = await listScope(caller, db);
  if (scope.ownWorkerId && worker && worker.id !== scope.ownWorkerId) return [];
  return listAppointments(db, {
    ownerUserId: scope.ownerUserId,
    clientId: query.clientId,
    workerId: scope.ownWorkerId ?? worker?.id,
    locationId: location?.id,
    status: query.status,
    ...bounds(query),
    limit: query.limit,
    offset: query.offset,
  });
}
