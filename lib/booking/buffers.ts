// Service buffers (API.md v1 extensions "Service buffers"): who may book into them, and what a
// refusal by the exclusion constraints over held intervals (drizzle/0017) says about them. The rules
// themselves are in ./rules.ts (`heldInterval`, `checkBooking`) and lib/availability/slots.ts.
import { getDb } from "@/db/client";
import { ownIntervalTaken, type TrimmedHold } from "@/db/queries/booking";
import type { Range } from "@/db/queries/worker-days";
import { type Caller, isStaff } from "@/lib/auth/roles";
import { AppError, forbidden } from "@/lib/errors";

/** `overrideBuffers` is for staff: a client, or a guest, asking for it is refused with 403. */
export function overridesBuffers(caller: Caller, overrideBuffers: boolean | undefined): boolean {
  if (!overrideBuffers) return false;
  if (!isStaff(caller.role)) throw forbidden("Only staff may book into a service's buffers.");
  return true;
}

/**
 * A 409 slot_taken that the buffers alone cause (the held intervals overlap, the client's own
 * interval is free of every other booked appointment of the worker and at the location) answered
 * with `details.buffer: true`, which staff may book anyway with `overrideBuffers`; any other error
 * as it is. Read after the refused transaction rolled back (one query, only on that refusal).
 */
export async function withBufferDetails(
  err: unknown,
  booked: { workerId: string | null; locationId?: string; interval: Range; exceptId?: string } | undefined,
): Promise<unknown> {
  if (!(err instanceof AppError) || err.code !== "slot_taken" || !booked?.locationId) return err;
  const taken = await ownIntervalTaken(await getDb(), { ...booked, locationId: booked.locationId });
  if (taken) return err;
  return new AppError(
    "slot_taken",
    409,
    "That time is free, but the worker or the location is held then for a service's buffer (preparation or cleaning).",
    { ...err.details, buffer: true },
  );
}

/**
 * The audit row's record of a buffer override: that staff meant it, and the neighbours whose buffers
 * the appointment cut into, with what they hold now.
 */
export function withBufferOverride<T extends object>(after: T, overridden: boolean, trimmed: readonly TrimmedHold[]) {
  if (!overridden) return after;
  return {
    ...after,
    bufferOverride: {
      trimmed: trimmed.map((t) => ({
        id: t.id,
        heldStart: t.held.start.toISOString(),
        heldEnd: t.held.end.toISOString(),
      })),
    },
  };
}
