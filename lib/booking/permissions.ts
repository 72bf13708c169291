// Who may see and change an appointment: ordered early returns, first match wins (STYLE.md item 8).
// "not_found" rather than "forbidden" for someone else's appointment, so that an id never tells a
// client that an appointment exists (API.md: 404 also for records the caller may not see).
import { type Caller, isStaff } from "@/lib/auth/roles";

export type AppointmentAccess = {
  /** The appointment's id (a guest's manage link opens that one appointment only). */
  id?: string;
  /** The worker record the appointment is with (null for a room booked directly). */
  workerId?: string | null;
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

export type Decision = "allowed" | "not_found" | "forbidden" | "in_past" | "not_booked" | "not_started";

/**
 * A caller as the appointment rules see them: a `worker` carries the id of the worker record their
 * account is linked to (lib/booking/viewer.ts), null when no record is linked yet.
 */
export type Viewer = Caller & { ownWorkerId?: string | null };

const isOwner = (caller: Caller, a: Pick<AppointmentAccess, "ownerUserId">) =>
  a.ownerUserId !== null && a.ownerUserId === caller.id;

/** A worker's own worker record's appointment (API.md v1 extensions "Roles"). */
export const worksOn = (caller: Viewer, a: Pick<AppointmentAccess, "workerId">) =>
  caller.role === "worker" && !!caller.ownWorkerId && a.workerId === caller.ownWorkerId;

export function canView(caller: Viewer, a: Pick<AppointmentAccess, "ownerUserId" | "id" | "workerId">): boolean {
  if (isGuest(caller)) return a.id !== undefined && caller.guest.appointmentId === a.id;
  if (isStaff(caller.role)) return true;
  return isOwner(caller, a) || worksOn(caller, a);
}

/**
 * Cancelling: staff any booked one; the owner client only one that has not started yet; a worker
 * never cancels their worker's appointments (they read them, 403).
 */
export function cancelDecision(caller: Viewer, a: AppointmentAccess, now: Date): Decision {
  if (!canView(caller, a)) return "not_found";
  if (!isStaff(caller.role) && !isGuest(caller) && !isOwner(caller, a)) return "forbidden";
  if (a.status === "cancelled") return "allowed";
  if (a.status !== "booked") return "not_booked";
  if (isStaff(caller.role)) return "allowed";
  if (a.start.getTime() <= now.getTime()) return "in_past";
  return "allowed";
}

export type PatchIntent = { reschedules: boolean; setsStatus: boolean; status?: string };

/** The statuses a worker marks their appointments with, once they have started. */
const WORKER_STATUSES = ["completed", "no_show"];

/**
 * Changing: staff reschedule booked appointments, set the status of any not cancelled (cancelling has
 * its own endpoint and is final) and notes on any; the owner client
 * may reschedule and annotate their own booked appointment before it starts, never set its status;
 * a worker annotates their worker's appointments and marks them completed or no-show once they have
 * started (409 not_started before), and moves none of them.
 */
export function patchDecision(caller: Viewer, a: AppointmentAccess, intent: PatchIntent, now: Date): Decision {
  if (!canView(caller, a)) return "not_found";
  const staff = isStaff(caller.role);
  if (!staff && !isOwner(caller, a) && worksOn(caller, a)) return workerPatchDecision(a, intent, now);
  if (!staff && intent.setsStatus) return "forbidden";
  if (intent.reschedules && a.status !== "booked") return "not_booked";
  if (intent.setsStatus && a.status === "cancelled") return "not_booked";
  if (staff) return "allowed";
  if (a.status !== "booked") return "not_booked";
  if (a.start.getTime() <= now.getTime()) return "in_past";
  return "allowed";
}

function workerPatchDecision(a: AppointmentAccess, intent: PatchIntent, now: Date): Decision {
  if (intent.reschedules) return "forbidden";
  if (!intent.setsStatus) return "allowed";
  if (!WORKER_STATUSES.includes(intent.status ?? "")) return "forbidden";
  if (a.status === "cancelled") return "not_booked";
  if (a.start.getTime() > now.getTime()) return "not_started";
  return "allowed";
}
