// The refusals of changing the catalog, the people and the calendar: what is in the way.
import { AppError } from "./app-error";

/** 409 has_appointments: the `what` (service, worker, …) has booked appointments ahead, listed. */
export const hasAppointmentsAhead = (what: string, appointments: unknown[], total: unknown) =>
  new AppError("has_appointments", 409, `The ${what} has booked appointments ahead; cancel or move them first.`, {
    appointments,
    total,
  });

/** 409 has_appointments: a calendar change would leave these booked appointments outside the shifts. */
export const wouldOrphanAppointments = (appointments: unknown[]) =>
  new AppError(
    "has_appointments",
    409,
    `This would leave ${appointments.length} booked appointment(s) outside the worker's shifts. ` +
      "Move or cancel them first, or send cancelAppointments: true to cancel them.",
    { appointments },
  );

export const locationInUse = (details: Record<string, unknown>) =>
  new AppError(
    "has_appointments",
    409,
    "The location has appointments, shifts or a weekly schedule on record, so it cannot be deleted.",
    details,
  );

export const locationBusy = (conflicts: unknown[]) =>
  new AppError(
    "location_busy",
    409,
    "A workplace hosts one worker at a time, and shifts here overlap; move or shorten them first.",
    { conflicts },
  );

export const clientAlreadyLinked = () =>
  new AppError("already_exists", 409, "This client record is already linked to an account.", { field: "userId" });

export const lastManager = () =>
  new AppError(
    "last_manager",
    409,
    "This is the last manager account that is not blocked; make another manager first.",
  );

export type ShiftConflictCode = "worker_busy" | "location_busy";

const SHIFT_MESSAGES: Record<ShiftConflictCode, string> = {
  worker_busy: "The worker already has a shift at that time.",
  location_busy: "Another worker has a shift at that location at that time.",
};

/** 409 for a shift that overlaps others; `details.conflicts` lists them. */
export const shiftConflict = (code: ShiftConflictCode, details: { conflicts: unknown[] } & Record<string, unknown>) =>
  new AppError(code, 409, SHIFT_MESSAGES[code], details);

/** 409 for a weekly schedule some of whose dates other shifts take; nothing was changed. */
export const scheduleConflict = (code: ShiftConflictCode, details: { dates: string[]; conflicts: unknown[] }) =>
  new AppError(
    code,
    409,
    code === "location_busy"
      ? "Another worker has shifts at that location on some of these days; nothing was changed."
      : "The worker has other shifts at these times; nothing was changed.",
    details,
  );

export const calendarKeptChanging = () =>
  new AppError("worker_busy", 409, "The worker's calendar kept changing meanwhile; try again.");
