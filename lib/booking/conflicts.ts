// What a refusal by the appointments' exclusion constraints (drizzle/0002, drizzle/0010) means to a
// caller, told apart by the constraint's name: the worker or the location is taken (slot_taken), or
// the client already has an appointment then (client_busy). Shared by the booking transaction and the
// catch-all of lib/api/respond.ts, so every route answers a violation the same way.
import { type AppError, clientBusy, constraintName, slotTaken, sqlState } from "@/lib/errors";

export const CLIENT_NO_OVERLAP = "appointments_client_no_overlap";

const CONFLICTS: Record<string, "worker" | "location"> = {
  appointments_worker_no_overlap: "worker",
  appointments_location_no_overlap: "location",
};

/**
 * The 409 for an exclusion violation, or for the deadlock two conflicting inserts can end in (which
 * names no constraint: slot_taken); undefined for any other error.
 */
export function exclusionError(err: unknown): AppError | undefined {
  const state = sqlState(err);
  if (state !== "23P01" && state !== "40P01") return undefined;
  const name = constraintName(err) ?? "";
  if (name === CLIENT_NO_OVERLAP) return clientBusy();
  return slotTaken(CONFLICTS[name]);
}
