// What a refusal by the appointments' exclusion constraints (drizzle/0002, drizzle/0010) means to a
// caller, told apart by the constraint's name: the worker or the location is taken (slot_taken), or
// the client already has an appointment then (client_busy). Shared by the booking transaction and the
// catch-all of lib/api/respond.ts, so every route answers a violation the same way.
import { AppError, constraintName, sqlState } from "@/lib/errors";

export const CLIENT_NO_OVERLAP = "appointments_client_no_overlap";

const CONFLICTS: Record<string, "worker" | "location"> = {
  appointments_worker_no_overlap: "worker",
  appointments_location_no_overlap: "location",
};

export const clientBusy = (appointments?: unknown[]) =>
  new AppError(
    "client_busy",
    409,
    "The client already has a booked appointment at that time.",
    appointments ? { appointments } : undefined,
  );

/**
 * The 409 for an exclusion violation, or for the deadlock two conflicting inserts can end in (which
 * names no constraint: slot_taken); undefined for any other error.
 */
export function exclusionError(err: unknown): AppError | undefined {
  const state = sqlState(err);
  if (state !== "23P01" && state !== "40P01") return undefined;
  const name = constraintName(err) ?? "";
  if (name === CLIENT_NO_OVERLAP) return clientBusy();
  const conflict = CONFLICTS[name];
  const message =
    conflict === "location"
      ? "The location is booked at that time."
      : conflict === "worker"
        ? "The worker is booked at that time."
        : "That time has just been taken.";
  return new AppError("slot_taken", 409, message, conflict ? { conflict } : undefined);
}
