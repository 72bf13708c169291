// The refusals of booking, changing and replaying an appointment.
import type { RefusalReason } from "@/lib/booking/rules";
import { AppError } from "./app-error";

export const clientBusy = (appointments?: unknown[]) =>
  new AppError(
    "client_busy",
    409,
    "The client already has a booked appointment at that time.",
    appointments ? { appointments } : undefined,
  );

/** 409 slot_taken: by the worker's or the location's bookings, or (conflict unknown) just taken. */
export const slotTaken = (conflict?: "worker" | "location") => {
  const message =
    conflict === "location"
      ? "The location is booked at that time."
      : conflict === "worker"
        ? "The worker is booked at that time."
        : "That time has just been taken.";
  return new AppError("slot_taken", 409, message, conflict ? { conflict } : undefined);
};

const REASON_MESSAGES: Record<RefusalReason, string> = {
  outside_schedule: "The worker does not work then (or not there).",
  time_off: "The worker is off at that time.",
  in_past: "That time is in the past.",
  beyond_horizon: "That time is further ahead than bookings are taken.",
  off_grid: "Appointments start at the times the worker's free slots offer.",
  min_notice: "That time starts sooner than the business's minimum notice allows.",
  max_upcoming: "The client already has as many upcoming appointments as the business allows.",
};

export const notAvailable = (reason: RefusalReason, details?: Record<string, unknown>) =>
  new AppError("not_available", 409, REASON_MESSAGES[reason], { reason, ...details });

/** 409 no_worker_free: `workerId: "any"` and no worker performing the service is free at that time. */
export const noWorkerFree = () =>
  new AppError("no_worker_free", 409, "No specialist who performs this service is free at that time.");

/** 409 cutoff_passed: a client cancels or reschedules later than the policy's cut-off before the start. */
export const cutoffPassed = (action: "cancel" | "reschedule", cutoffMinutes: number) =>
  new AppError(
    "cutoff_passed",
    409,
    `Appointments can be ${action === "cancel" ? "cancelled" : "rescheduled"} online up to ${cutoffMinutes} minutes before they start.`,
    { cutoffMinutes },
  );

/** 409 not_available for an appointment whose status does not allow the change (extends API.md's reasons). */
export const notBooked = (status: string) =>
  new AppError("not_available", 409, `The appointment is ${status.replace("_", " ")}; only booked ones change.`, {
    reason: "not_booked",
    status,
  });

/** 409 not_available: a worker marks an appointment completed or no-show before it has started. */
export const notStarted = () =>
  new AppError("not_available", 409, "The appointment has not started yet; mark it once it has.", {
    reason: "not_started",
  });

export const idempotencyKeyReused = () =>
  new AppError(
    "idempotency_key_reused",
    422,
    "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
  );
