// Who may see and change an appointment: ordered early returns, first match wins (STYLE.md item 8).
// "not_found" rather than "forbidden" for someone else's appointment, so that an id never tells a
// client that an appointment exists (API.md: 404 also for records the caller may not see).
import { type Caller, isStaff } from "@/lib/auth/roles";

export type AppointmentAccess = {
  /** The appointment's id (a guest's manage link opens that one appointment only). */
  id?: string;
  /** The user account of the appointment's client, if the client has one. */
  ownerUserId: string | null;
  status: "booked" | "cancelled" | "completed" | "no_show";
  start: Date;
};

/**
 * A guest acting without an account (API.md "Anonymous booking"): booking (`appointmentId` not yet
 * known) or through a manage link, which opens that one appointment as its owner client would.
 * Guests are clients for every rule; they have no user id to record as the actor.
 */
export type GuestCaller = Caller & { guest: { appointmentId?: string } };

export const isGuest = (caller: Caller): caller is GuestCaller => "guest" in caller && caller.guest !== undefined;

/** The user recorded as the actor (audit rows, created_by, cancelled_by): none for a guest. */
export const actorUserId = (caller: Caller): string | null => (isGuest(caller) ? null : caller.id);

export type Decision = "allowed" | "not_found" | "forbidden" | "in_past" | "not_booked";

export function canView(caller: Caller, a: Pick<AppointmentAccess, "ownerUserId" | "id">): boolean {
  if (isGuest(caller)) return a.id !== undefined && caller.guest.appointmentId === a.id;
  if (isStaff(caller.role)) return true;
  return a.ownerUserId !== null && a.ownerUserId === caller.id;
}

/** Cancelling: staff any booked one; the owner client only one that has not started yet. */
export function cancelDecision(caller: Caller, a: AppointmentAccess, now: Date): Decision {
  if (!canView(caller, a)) return "not_found";
  if (a.status === "cancelled") return "allowed";
  if (a.status !== "booked") return "not_booked";
  if (isStaff(caller.role)) return "allowed";
  if (a.start.getTime() <= now.getTime()) return "in_past";
  return "allowed";
}

export type PatchIntent = { reschedules: boolean; setsStatus: boolean };

/**
 * Changing: staff reschedule booked appointments, set the status of any not cancelled (cancelling has
 * its own endpoint and is final) and notes on any; the owner client
 * may reschedule and annotate their own booked appointment before it starts, never set its status.
 */
export function patchDecision(caller: Caller, a: AppointmentAccess, intent: PatchIntent, now: Date): Decision {
  if (!canView(caller, a)) return "not_found";
  const staff = isStaff(caller.role);
  if (!staff && intent.setsStatus) return "forbidden";
  if (intent.reschedules && a.status !== "booked") return "not_booked";
  if (intent.setsStatus && a.status === "cancelled") return "not_booked";
  if (staff) return "allowed";
  if (a.status !== "booked") return "not_booked";
  if (a.start.getTime() <= now.getTime()) return "in_past";
  return "allowed";
}
