// Booked appointments that a schedule change would orphan: a shift deleted, shortened or moved from
// under them, or time off laid over them; and cancelling them. Whether to refuse the change or
// cancel them is lib/booking/orphans.ts's to decide.
import { and, eq, inArray, not, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { type Appointment, appointments } from "../schema/appointments";
import { locations } from "../schema/catalog";
import { shifts } from "../schema/schedules";
import { overlapsRange } from "./shifts";

/** A booked appointment with the time zone of its location. */
export type ZonedAppointment = Appointment & { timezone: string };

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
 * Cancels those of `ids` still booked (a schedule change orphaning them); answers the ids it
 * cancelled.
 */
export async function cancelBookedAppointments(
  db: Executor,
  ids: string[],
  by: { cancelledAt: Date; cancelledBy: string },
): Promise<string[]> {
  const cancelled = await db
    .update(appointments)
    .set({ status: "cancelled", cancelledAt: by.cancelledAt, cancelledBy: by.cancelledBy })
    .where(and(inArray(appointments.id, ids), eq(appointments.status, "booked")))
    .returning({ id: appointments.id });
  return cancelled.map(({ id }) => id);
}
