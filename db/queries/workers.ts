// Worker rows: the filtered list, the services they perform, and the shifts a retired worker drops.
import { and, eq, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { locations, services, specialties, type Worker, workerServices, workers } from "../schema/catalog";
import { shifts } from "../schema/schedules";
import { matchesAllWords } from "../search";
import { listPage, type Page } from "./catalog-shared";
import { byRef, isUuid } from "./refs";

export type WorkerFilter = Page & {
  includeInactive?: boolean;
  q?: string;
  specialty?: string;
  location?: string;
  service?: string;
};

/**
 * A page of workers; the filters combine. `specialty`, `location` (home) and `service` (performed)
 * take an id or a slug, and one that names nothing matches no worker. `q` finds workers whose name
 * contains every word of it, in any case and script (see db/search.ts).
 */
export async function listWorkers(db: Executor, query: WorkerFilter): Promise<Worker[]> {
  const conditions: (SQL | undefined)[] = [
    query.includeInactive ? undefined : eq(workers.active, true),
    query.q ? matchesAllWords(workers.name, query.q) : undefined,
  ];
  if (query.specialty) {
    const ids = db.select({ id: specialties.id }).from(specialties).where(byRef(specialties, query.specialty));
    conditions.push(inArray(workers.specialtyId, ids));
  }
  if (query.location) {
    const ids = db.select({ id: locations.id }).from(locations).where(byRef(locations, query.location));
    conditions.push(inArray(workers.locationId, ids));
  }
  if (query.service) {
    const ids = db
      .select({ id: workerServices.workerId })
      .from(workerServices)
      .innerJoin(services, eq(services.id, workerServices.serviceId))
      .where(byRef(services, query.service));
    conditions.push(inArray(workers.id, ids));
  }
  return listPage(db, workers, query, and(...conditions));
}

/** The services (id and slug) that `refs`, ids or slugs, name. */
export async function servicesByRefs(db: Executor, refs: string[]): Promise<{ id: string; slug: string }[]> {
  if (refs.length === 0) return [];
  const ids = refs.filter(isUuid).map((ref) => ref.toLowerCase());
  return db
    .select({ id: services.id, slug: services.slug })
    .from(services)
    .where(or(inArray(services.slug, refs), ids.length ? inArray(services.id, ids) : undefined));
}

/** Makes `serviceIds` the worker's full list of services. */
export async function setWorkerServices(db: Executor, workerId: string, serviceIds: string[]): Promise<void> {
  await db.delete(workerServices).where(eq(workerServices.workerId, workerId));
  if (serviceIds.length) {
    await db.insert(workerServices).values(serviceIds.map((serviceId) => ({ workerId, serviceId })));
  }
}

/** Deletes the worker's shifts that have not started yet. */
export async function deleteUpcomingShifts(db: Executor, workerId: string): Promise<void> {
  await db.delete(shifts).where(and(eq(shifts.workerId, workerId), gt(shifts.startAt, sql`now()`)));
}
