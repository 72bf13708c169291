import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import {
  type Location,
  locations,
  type Service,
  type Specialty,
  services,
  specialties,
  type Worker,
  workerServices,
} from "../schema/catalog";

/** A worker with what their JSON shows: specialty, home location and the services they perform. */
export type WorkerDetails = {
  worker: Worker;
  specialty: Specialty | null;
  location: Location | null;
  services: Service[];
};

/**
 * Workers with their specialty, home location and (active) services, by name, in three queries
 * whatever the number of workers (never one query per worker). Keeps the order of `rows`.
 */
export async function loadWorkerDetails(db: Executor, rows: Worker[]): Promise<WorkerDetails[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((w) => w.id);
  const specialtyIds = [...new Set(rows.flatMap((w) => (w.specialtyId ? [w.specialtyId] : [])))];
  const locationIds = [...new Set(rows.flatMap((w) => (w.locationId ? [w.locationId] : [])))];
  const [specialtyRows, locationRows, serviceRows] = await Promise.all([
    specialtyIds.length ? db.select().from(specialties).where(inArray(specialties.id, specialtyIds)) : [],
    locationIds.length ? db.select().from(locations).where(inArray(locations.id, locationIds)) : [],
    db
      .select({ workerId: workerServices.workerId, service: services })
      .from(workerServices)
      .innerJoin(services, eq(services.id, workerServices.serviceId))
      // A deactivated service is no longer offered, whoever still has it on their list.
      .where(and(inArray(workerServices.workerId, ids), eq(services.active, true)))
      .orderBy(services.name),
  ]);
  const specialtyById = new Map(specialtyRows.map((s) => [s.id, s]));
  const locationById = new Map(locationRows.map((l) => [l.id, l]));
  const servicesByWorker = new Map<string, Service[]>();
  for (const { workerId, service } of serviceRows) {
    const list = servicesByWorker.get(workerId) ?? [];
    list.push(service);
    servicesByWorker.set(workerId, list);
  }
  return rows.map((worker) => ({
    worker,
    specialty: (worker.specialtyId && specialtyById.get(worker.specialtyId)) || null,
    location: (worker.locationId && locationById.get(worker.locationId)) || null,
    services: servicesByWorker.get(worker.id) ?? [],
  }));
}
