// What an appointment's change sends, and when: pure functions of the appointment before and after
// the change, the reminder offsets and the clock (tested at the edges in plan.test.ts).
//
// Reminders: one per offset, at start − offset (offsets are durations: 1440 minutes is 24 hours of
// real time, so across a DST change the reminder's local time is an hour off the appointment's).
// A reminder is planned only when its moment is strictly after the moment of booking (or of the
// move): booked 1 minute before the moment, it goes out a minute later; booked exactly at the
// moment or later, none (the confirmation just sent says as much).
import type { NotificationKind } from "@/db/schema/notifications";

export type AppointmentState = {
  status: "booked" | "cancelled" | "completed" | "no_show";
  startAt: Date;
  endAt: Date;
  workerId: string | null;
  locationId: string;
};

/** A message to plan: whom it is for (the client, or the worker's linked user) and when it is due. */
export type PlannedMessage = {
  kind: NotificationKind;
  recipient: "client" | "worker";
  sendAfter: Date;
  offsetMinutes: number | null;
};

export type PlanInput = {
  /** The appointment before the change; null when the change created it. */
  before: AppointmentState | null;
  after: AppointmentState;
  offsetsMinutes: readonly number[];
  now: Date;
};

export type Plan = {
  messages: PlannedMessage[];
  /** Reminders planned earlier that must not go out any more (moved, cancelled or ended). */
  dropReminders: boolean;
};

const MINUTE = 60_000;

/** The reminders of an appointment starting at `start`, planned at `now`: those whose moment is still ahead. */
export function plannedReminders(start: Date, offsetsMinutes: readonly number[], now: Date): PlannedMessage[] {
  const offsets = [...new Set(offsetsMinutes.filter((m) => Number.isInteger(m) && m > 0))].sort((a, b) => b - a);
  return offsets
    .map((offset) => ({ offset, at: new Date(start.getTime() - offset * MINUTE) }))
    .filter(({ at }) => at.getTime() > now.getTime())
    .map(({ offset, at }) => ({ kind: "reminder", recipient: "client", sendAfter: at, offsetMinutes: offset }));
}

const moved = (a: AppointmentState, b: AppointmentState) =>
  a.startAt.getTime() !== b.startAt.getTime() ||
  a.endAt.getTime() !== b.endAt.getTime() ||
  a.workerId !== b.workerId ||
  a.locationId !== b.locationId;

const now = (kind: NotificationKind, recipient: PlannedMessage["recipient"], at: Date): PlannedMessage => ({
  kind,
  recipient,
  sendAfter: at,
  offsetMinutes: null,
});

/** The messages a change causes. Worker messages are planned here and sent only to a linked user. */
export function planChange({ before, after, offsetsMinutes, now: at }: PlanInput): Plan {
  const reminders = () =>
    after.startAt.getTime() > at.getTime() ? plannedReminders(after.startAt, offsetsMinutes, at) : [];
  if (!before) {
    if (after.status !== "booked") return { messages: [], dropReminders: false };
    return {
      messages: [now("confirmation", "client", at), ...reminders(), now("worker_new", "worker", at)],
      dropReminders: false,
    };
  }
  if (before.status === "booked" && after.status === "cancelled") {
    return {
      messages: [now("cancelled", "client", at), now("worker_cancelled", "worker", at)],
      dropReminders: true,
    };
  }
  if (before.status === "booked" && after.status !== "booked") {
    // Completed or a no-show: nothing to tell, and nothing left to remind of.
    return { messages: [], dropReminders: true };
  }
  if (before.status !== "booked" && after.status === "booked") {
    // Marked booked again (a status set back by staff): reminders as for a new booking, quietly.
    return { messages: reminders(), dropReminders: true };
  }
  if (after.status === "booked" && moved(before, after)) {
    return {
      messages: [now("rescheduled", "client", at), ...reminders(), now("worker_moved", "worker", at)],
      dropReminders: true,
    };
  }
  return { messages: [], dropReminders: false };
}
