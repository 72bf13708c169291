// What a guest's manage link does (API.md "Anonymous booking"): read, reschedule ({ start }: same
// worker and service, every rule of a new booking, the reschedule cut-off) and cancel that one
// appointment, as its owner client would (./change.ts, with a guest caller that ./permissions.ts lets
// see only the appointment the token was issued for). A token works while its appointment is booked
// and has not ended; otherwise, or for another appointment, 400 invalid_token.
import { getDb } from "@/db/client";
import { findAppointment } from "@/db/queries/appointments";
import { type Appointment, toAppointmentJson } from "@/lib/contract";
import { invalidToken, validationFailed } from "@/lib/errors";
import type { AppointmentPatch } from "@/lib/validation/appointments";
import { cancelAppointment, changeAppointment } from "./change";
import { appointmentOfToken } from "./manage-token";
import type { GuestCaller } from "./permissions";

/** The guest caller a valid token stands for, and the appointment as it is now. */
async function open(token: string, id: string, now: Date): Promise<{ caller: GuestCaller; appointment: Appointment }> {
  const appointmentId = await appointmentOfToken(token, id);
  const row = await findAppointment(await getDb(), appointmentId);
  if (!row) throw invalidToken();
  if (row.appointment.status !== "booked" || row.appointment.endAt.getTime() <= now.getTime()) throw invalidToken();
  const client = row.client;
  return {
    caller: { id: "", email: client.email ?? "", name: client.name, role: "client", guest: { appointmentId } },
    appointment: toAppointmentJson(row),
  };
}

export async function readByToken(token: string, id: string, now: Date): Promise<Appointment> {
  return (await open(token, id, now)).appointment;
}

export async function cancelByToken(token: string, id: string, now: Date): Promise<Appointment> {
  const { caller } = await open(token, id, now);
  return cancelAppointment(caller, id, now);
}

/** A guest moves their appointment: `start` only (and `end`, if it keeps the service's length). */
export async function rescheduleByToken(token: string, id: string, patch: AppointmentPatch, now: Date) {
  const { caller } = await open(token, id, now);
  if (patch.status !== undefined || patch.notes !== undefined || patch.workerId !== undefined) {
    throw validationFailed("start", "A manage link moves the appointment: give start only.");
  }
  if (patch.start === undefined) throw validationFailed("start", "Give the new start.");
  return changeAppointment(caller, id, { start: patch.start, end: patch.end }, now);
}
