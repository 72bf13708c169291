// Booked appointments that a schedule change would orphan: a shift deleted, shortened or moved from
// under them, or time off laid over them. The caller either gets them listed in a 409 or has them
// cancelled in the same transaction as the change.
import { and, eq, inArray, not, type SQL, sql } from "drizzle-orm";
import { wouldOrphanAppointments } from "@/lib/errors";
import { formatInstant } from "@/lib/time/zoned";
import type { Executor } from "../client";
import { type Appointment, appointments } from "../schema/appointments";
import { locations } from "../schema/catalog";
import { shifts } from "../schema/schedules";
import { recordAudit } from "./audit";
import { overlapsRange } from "./shifts";

type ZonedAppointment = Appointment & { timezone: string };

/** What `details.appointments` shows of each: enough to find and call about them. */
const toSummary = (a: ZonedAppointment) => ({
  id: a.id,
  status: a.status,
  start: formatInstant(a.startAt, a.timezone),
  end: formatInstant(a.endAt, a.timezone),
  workerId: a.workerId,
  locationId: a.locationId,
  serviceId: a.serviceId,
  clientId: a.clientId,
});

function selectBooked(db: Executor, where: SQL | undefined): Promise<ZonedAppointment[]> {
  return db
    .select({ appointment: appointments, timezone: locations.timezone })
    .from(appointments)
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .where(and(eq(appointments.status, "booked"), where))
    .orderBy(appointments.startAt)
    .then((rows) => rows.map((r) => ({ ...r.appointment, timezone: r.timezone })));
}

/** Booked appointments of the worker overlapping `[start, end)`. */
export function bookedAppointmentsDuring(db: Executor, workerId: string, start: Date, end: Date | null) {
  return selectBooked(db, and(eq(appointments.workerId, workerId), overlapsRange(appointments.during, start, end)));
}

/**
 * Booked appointments of the worker overlapping `[start, end)` that no longer lie inside one shift of
 * the worker at the appointment's location. Run after the shift change, inside its transaction.
 */
export function appointmentsOutsideShifts(db: Executor, workerId: string, start: Date, end: Date) {
  const covered = sql`exists (select 1 from ${shifts} where ${shifts.workerId} = ${appointments.workerId}
    and ${shifts.locationId} = ${appointments.locationId} and ${shifts.during} @> ${appointments.during})`;
  return selectBooked(
    db,
    and(eq(appointments.workerId, workerId), overlapsRange(appointments.during, start, end), not(covered)),
  );
}

/**
 * Refuses with 409 has_appointments when there are orphaned appointments, unless `cancel` is set:
 * then cancels them (cancelled_at now, cancelled_by the caller) with an audit row each.
 */
export async function settleOrphans(
  db: Executor,
  orphans: ZonedAppointment[],
  options: { cancel: boolean; actorId: string; action: string },
): Promise<void> {
  if (orphans.length === 0) return;
  if (!options.cancel) {
    throw wouldOrphanAppointments(orphans.map(toSummary));
  }
  const cancelledAt = new Date();
  const ids = orphans.map((a) => a.id);
  const cancelled = await db
    .update(appointments)
    .set({ status: "cancelled", cancelledAt, cancelledBy: options.actorId })
    .where(and(inArray(appointments.id, ids), eq(appointments.status, "booked")))
    .returning({ id: appointments.id });
  await recordAudit(
    db,
    ...cancelled.map(({ id }) => ({
      actorId: options.actorId,
      action: "appointment.cancel",
      entity: "appointment",
      entityId: id,
      before: { status: "booked" },
      after: { status: "cancelled", cancelledAt, reason: options.action },
    })),
  );
}
