// Reading appointments as a caller may: staff see all, a client only their own, and someone else's
// id answers 404 exactly like a missing one.
import { getDb } from "@/db/client";
import { type AppointmentRow, findAppointment, listAppointments } from "@/db/queries/appointments";
import { findByRef } from "@/db/queries/catalog-shared";
import { locations, workers } from "@/db/schema/catalog";
import { type Caller, isStaff } from "@/lib/auth/roles";
import { notFound, validationFailed } from "@/lib/errors";
import type { AppointmentListQuery } from "@/lib/validation/appointments";
import { canView } from "./permissions";

export async function visibleAppointment(caller: Caller, id: string): Promise<AppointmentRow> {
  const row = await findAppointment(await getDb(), id);
  if (!row || !canView(caller, { ownerUserId: row.client.userId })) throw notFound("Appointment");
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

/** GET /appointments: worker and location filters take an id or a slug. */
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
  return listAppointments(db, {
    ownerUserId: isStaff(caller.role) ? undefined : caller.id,
    clientId: query.clientId,
    workerId: worker?.id,
    locationId: location?.id,
    status: query.status,
    ...bounds(query),
    limit: query.limit,
    offset: query.offset,
  });
}
