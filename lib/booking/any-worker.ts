// POST /appointments with `workerId: "any"` (API.md v1 extensions "Finding a time and booking"): the
// workers performing the service and their rows around the start are read in three round trips,
// ranked by ./any-worker-choice.ts, and booked one after another through the ordinary booking of
// one worker (./create.ts), each attempt its own transaction: a worker taken meanwhile (409
// slot_taken from the exclusion constraints) or no longer free (409 not_available for that worker)
// passes the booking to the next, at most MAX_ATTEMPTS of them. None left: 409 no_worker_free.
import { getDb } from "@/db/client";
import { findServiceWorkers } from "@/db/queries/availability";
import { findBookingRefs } from "@/db/queries/booking";
import { loadWorkerDays, type WorkerDays } from "@/db/queries/worker-days";
import { AppError, notAvailable, notFound, noWorkerFree } from "@/lib/errors";
import type { AppointmentCreate } from "@/lib/validation/appointments";
import { rankFreeWorkers } from "./any-worker-choice";
import { bookedBuffers } from "./claim";
import { type BookingTarget, bookedInterval } from "./target";

const HOUR = 3_600_000;
/** How many workers one request tries before answering no_worker_free. */
export const MAX_ATTEMPTS = 5;
/** The most workers of one service looked at (by name): far more than any business has. */
const MAX_CANDIDATES = 500;
/** A local day holding an instant lies within 26 hours of it in any zone (offsets -12:00…+14:00, 25-hour days). */
const DAY_REACH = 26 * HOUR;

/** Whether an attempt's refusal concerns only that worker, so the next one may still be free. */
function refusedForWorker(err: unknown): boolean {
  if (!(err instanceof AppError)) return false;
  if (err.code === "slot_taken") return true;
  const reason = err.details?.reason;
  return (
    err.code === "not_available" &&
    (reason === "outside_schedule" || reason === "time_off" || reason === "off_grid" || reason === "beyond_horizon")
  );
}

/** Each worker's own rows (and those at their shifts' locations) out of rows loaded for several. */
function rowsOfWorker(rows: WorkerDays, workerId: string): WorkerDays {
  const shifts = rows.shifts.filter((s) => s.workerId === workerId);
  const places = new Set(shifts.map((s) => s.locationId));
  return {
    shifts,
    timeOff: rows.timeOff.filter((r) => r.workerId === workerId),
    workerAppointments: rows.workerAppointments.filter((r) => r.workerId === workerId),
    locationAppointments: rows.locationAppointments.filter((r) => places.has(r.locationId)),
  };
}

/**
 * Books the free worker with the fewest booked minutes that day. `book` books one worker as
 * createAppointment does (same transaction, same Idempotency-Key claim); `replay` answers the stored
 * response of the request's Idempotency-Key, if any, for a retry that finds no one free because its
 * first attempt booked them.
 */
export async function bookAnyWorker<R>(
  body: AppointmentCreate,
  options: { now: Date; staff: boolean },
  attempt: { book: (target: BookingTarget) => Promise<R>; replay: () => Promise<R | undefined> },
): Promise<R> {
  const db = await getDb();
  const refs = await findBookingRefs(db, { service: body.serviceId, location: body.locationId });
  const { service, location } = refs;
  // A retry of a key whose first request booked answers that again, whatever changed since.
  const refuse = async (error: AppError): Promise<R> => {
    const stored = await attempt.replay();
    if (stored) return stored;
    throw error;
  };
  if (!service?.active) return refuse(notFound("Service"));
  if (body.locationId && !location) return refuse(notFound("Location"));
  const interval = bookedInterval({ service }, body.start, body.end, options.staff);
  if (interval.start.getTime() < options.now.getTime()) return refuse(notAvailable("in_past"));
  const range = {
    start: new Date(interval.start.getTime() - DAY_REACH),
    end: new Date(interval.end.getTime() + DAY_REACH),
  };
  const workers = await findServiceWorkers(db, {
    serviceId: service.id,
    location: location && { id: location.id, range },
    limit: MAX_CANDIDATES,
    offset: 0,
  });
  const rows = await loadWorkerDays(
    db,
    workers.map((w) => w.id),
    range,
  );
  const ranked = rankFreeWorkers({
    candidates: workers.map((worker) => ({ worker, rows: rowsOfWorker(rows, worker.id) })),
    interval,
    durationMinutes: service.durationMinutes,
    // Only staff may override buffers (the caller refused a client's overrideBuffers already).
    buffers: bookedBuffers({ service }, options.staff && body.overrideBuffers === true),
    now: options.now,
    client: !options.staff,
    location: location && { id: location.id, timeZone: location.timezone },
  });
  const byId = new Map(workers.map((w) => [w.id, w]));
  for (const choice of ranked.slice(0, MAX_ATTEMPTS)) {
    const worker = byId.get(choice.workerId);
    if (!worker) continue;
    try {
      return await attempt.book({ kind: "worker", worker, service, location: location ?? null });
    } catch (err) {
      if (!refusedForWorker(err)) throw err;
    }
  }
  return refuse(noWorkerFree());
}
