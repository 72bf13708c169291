// GET /availability: the slots of every worker performing a service on one day, a page of them, in a
// constant number of queries (DESIGN.md "Data").
import { type Executor, getDb } from "@/db/client";
import { findServiceWorkers, type ZonedWorker } from "@/db/queries/availability";
import { findByRef } from "@/db/queries/catalog-shared";
import { loadWorkerDays, type Range, type WorkerDays } from "@/db/queries/worker-days";
import { locations, services, specialties } from "@/db/schema/catalog";
import { workersToJson } from "@/lib/catalog/worker-json";
import type { Availability, Worker as WorkerJson } from "@/lib/contract";
import { notFound } from "@/lib/errors";
import type { AvailabilityQuery } from "@/lib/validation/availability";
import { FALLBACK_TIME_ZONE, localDaysInterval, todayIn } from "./calendar";
import { catalogMemo, type Remember } from "./catalog-memo";
import { type Bounds, noRows, plan, rowsRange, slotsOf } from "./plans";
import { workerTimeZones } from "./time-zones";

/** The smallest range holding every plan's rows, or null when no plan needs any. */
function unionRange(ranges: (Range | null)[]): Range | null {
  const present = ranges.filter((r): r is Range => r !== null);
  if (present.length === 0) return null;
  const start = Math.min(...present.map((r) => r.start.getTime()));
  const end = Math.max(...present.map((r) => r.end.getTime()));
  return { start: new Date(start), end: new Date(end) };
}

/** Rows in lists per key, in their order: built once, so a page of workers never rescans all rows. */
function groupBy<T>(list: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of list) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Splits rows loaded for several workers into each worker's own (and those at their shifts' locations). */
function rowsPerWorker(rows: WorkerDays): (workerId: string) => WorkerDays {
  const shiftsOf = groupBy(rows.shifts, (r) => r.workerId);
  const timeOffOf = groupBy(rows.timeOff, (r) => r.workerId);
  const appointmentsOf = groupBy(rows.workerAppointments, (r) => r.workerId);
  const atLocation = groupBy(rows.locationAppointments, (r) => r.locationId);
  return (workerId) => {
    const own = shiftsOf.get(workerId) ?? [];
    return {
      shifts: own,
      timeOff: timeOffOf.get(workerId) ?? [],
      workerAppointments: appointmentsOf.get(workerId) ?? [],
      locationAppointments: [...new Set(own.map((s) => s.locationId))].flatMap((id) => atLocation.get(id) ?? []),
    };
  };
}

/** Each worker's public JSON, those not remembered yet read together (workersToJson). */
function rememberedWorkersJson(db: Executor, remember: Remember, workers: ZonedWorker[]): Promise<WorkerJson[]> {
  const missing: ZonedWorker[] = [];
  let batch: Promise<WorkerJson[]> | undefined;
  return Promise.all(
    workers.map((worker) =>
      remember(`worker ${worker.id}`, () => {
        const index = missing.push(worker) - 1;
        // Started once every worker of the page has been looked at, so one read serves them all.
        batch ??= Promise.resolve().then(() => workersToJson(db, missing));
        // workersToJson answers one entry per row, in their order.
        return batch.then((list) => list[index] as WorkerJson);
      }),
    ),
  );
}

/**
 * GET /availability: active workers performing the service (optionally of a specialty, optionally
 * at a location), one page of them by name, each with their slots on `date` (default: today).
 * With `location`, the day is read in that location's zone and only shifts there count; otherwise
 * in each worker's zone (see workerTimeZones). Workers with no free slot are listed too, with `[]`.
 * A constant number of queries for the whole page.
 */
export async function serviceAvailability(query: AvailabilityQuery, now: Date): Promise<Availability> {
  const db = await getDb();
  const remember = await catalogMemo(db);
  const { specialty: specialtyRef, location: locationRef } = query;
  const [service, specialty, location] = await Promise.all([
    remember(`service ${query.service}`, () => findByRef(services, query.service, db)),
    specialtyRef ? remember(`specialty ${specialtyRef}`, () => findByRef(specialties, specialtyRef, db)) : undefined,
    locationRef ? remember(`location ${locationRef}`, () => findByRef(locations, locationRef, db)) : undefined,
  ]);
  if (!service?.active) throw notFound("Service");
  if (query.specialty && !specialty) throw notFound("Specialty");
  if (query.location && !location) throw notFound("Location");

  const dayIn = (timeZone: string) => query.date ?? todayIn(now, timeZone);
  const filter = {
    serviceId: service.id,
    specialtyId: specialty?.id,
    location: location && {
      id: location.id,
      range: localDaysInterval(dayIn(location.timezone), dayIn(location.timezone), location.timezone),
    },
    limit: query.limit,
    offset: query.offset,
  };
  // At a location the page depends on shifts there, which are not catalog data: read every time.
  const workers = location
    ? await findServiceWorkers(db, filter)
    : await remember(`workers ${service.id} ${specialty?.id} ${query.limit} ${query.offset}`, () =>
        findServiceWorkers(db, filter),
      );
  const utcDay = dayIn(FALLBACK_TIME_ZONE);
  const zones = location
    ? new Map(workers.map((w) => [w.id, location.timezone]))
    : await workerTimeZones(db, workers, { from: utcDay, to: utcDay });
  const bounds = new Map<string, Bounds>();
  const plans = workers.map((worker) => {
    const timeZone = zones.get(worker.id) ?? FALLBACK_TIME_ZONE;
    return plan(worker, timeZone, { from: dayIn(timeZone), to: dayIn(timeZone) }, now, bounds);
  });
  const range = unionRange(plans.map((p) => rowsRange(p, service)));
  const ids = workers.map((w) => w.id);
  const [rows, workerJson] = await Promise.all([
    range ? loadWorkerDays(db, ids, range) : noRows,
    rememberedWorkersJson(db, remember, workers),
  ]);
  const rowsOf = rowsPerWorker(rows);
  return {
    items: plans.map((p, i) => ({
      // One entry per worker, in their order (rememberedWorkersJson).
      worker: workerJson[i] as WorkerJson,
      timezone: p.timeZone,
      slots: slotsOf(rowsOf(p.worker.id), p, service, now, location?.id),
    })),
  };
}
