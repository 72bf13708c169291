import { and, eq, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import { invalidRequest } from "@/lib/errors";
import type { WorkerCreate, WorkerListQuery, WorkerPatch } from "@/lib/validation/catalog";
import { type Executor, getDb } from "../client";
import { appointments } from "../schema/appointments";
import { locations, services, specialties, type Worker, workerServices, workers } from "../schema/catalog";
import { shifts } from "../schema/schedules";
import { matchesAllWords } from "../search";
import { type WorkerJson, workersToJson } from "./catalog-json";
import { findByRef, listPage, lockByRef, type Tx } from "./catalog-shared";
import { catalogTransaction, deleteOrRetire, insertCatalogRow, updateCatalogRow } from "./catalog-write";
import { byRef, isUuid } from "./refs";

/** Workers in their public shape (specialty, home location and services filled in). */
export async function toWorkersJson(rows: Worker[]): Promise<WorkerJson[]> {
  return workersToJson(await getDb(), rows);
}

/**
 * A page of workers; the filters combine. `specialty`, `location` (home) and `service` (performed)
 * take an id or a slug, and one that names nothing matches no worker. `q` finds workers whose name
 * contains every word of it, in any case and script (see lib/search.ts).
 */
export async function listWorkers(query: WorkerListQuery): Promise<Worker[]> {
  const db = await getDb();
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
  return listPage(workers, query, and(...conditions));
}

export const findWorker = (ref: string) => findByRef(workers, ref);

type Issue = { path: string; message: string };
type RefFields = Pick<WorkerPatch, "specialtyId" | "locationId" | "serviceIds">;
type ResolvedRefs = { specialtyId?: string | null; locationId?: string | null; serviceIds?: string[] };

/**
 * Turns the references of a worker body (ids or slugs) into ids. One that names nothing is a fault
 * of the body, not a missing resource at the URL, so it answers 400 validation_failed with the path
 * of the field ("locationId", "serviceIds.2"), like any other bad field, rather than 404.
 */
async function resolveRefs(db: Executor, body: RefFields): Promise<ResolvedRefs> {
  const issues: Issue[] = [];
  const resolved: ResolvedRefs = {};
  for (const [field, table, what] of [
    ["specialtyId", specialties, "specialty"],
    ["locationId", locations, "location"],
  ] as const) {
    const ref = body[field];
    if (ref === undefined || ref === null) {
      resolved[field] = ref;
      continue;
    }
    const row = await findByRef(table, ref, db);
    if (!row) issues.push({ path: field, message: `No ${what} has this id or slug.` });
    resolved[field] = row?.id;
  }
  if (body.serviceIds) {
    const refs = body.serviceIds;
    const ids = refs.filter(isUuid).map((ref) => ref.toLowerCase());
    const rows = refs.length
      ? await db
          .select({ id: services.id, slug: services.slug })
          .from(services)
          .where(or(inArray(services.slug, refs), ids.length ? inArray(services.id, ids) : undefined))
      : [];
    const idOf = (ref: string) => rows.find((r) => r.id === ref.toLowerCase() || r.slug === ref)?.id;
    refs.forEach((ref, i) => {
      if (!idOf(ref)) issues.push({ path: `serviceIds.${i}`, message: "No service has this id or slug." });
    });
    resolved.serviceIds = [...new Set(refs.flatMap((ref) => idOf(ref) ?? []))];
  }
  if (issues.length > 0) throw invalidRequest(issues);
  return resolved;
}

/** Makes `serviceIds` the worker's full list of services. */
async function setServices(tx: Tx, workerId: string, serviceIds: string[]) {
  await tx.delete(workerServices).where(eq(workerServices.workerId, workerId));
  if (serviceIds.length) {
    await tx.insert(workerServices).values(serviceIds.map((serviceId) => ({ workerId, serviceId })));
  }
}

const audited = (tx: Tx, actorId: string) => ({
  actorId,
  entity: "worker",
  toJson: async (row: Worker) => (await workersToJson(tx, [row]))[0],
});

export function createWorker(input: WorkerCreate, actorId: string): Promise<Worker> {
  return catalogTransaction(async (tx) => {
    const { serviceIds, ...refs } = await resolveRefs(tx, input);
    const { serviceIds: _refs, ...fields } = input;
    return insertCatalogRow(tx, workers, { ...fields, ...refs }, audited(tx, actorId), (row) =>
      setServices(tx, row.id, serviceIds ?? []),
    );
  });
}

/**
 * Changes the fields given; undefined when `ref` names no worker. A new `locationId` moves the
 * worker's home (where the weekly schedule puts shifts; shifts already made stay where they are);
 * `serviceIds` replaces the whole list of services.
 */
export function updateWorker(ref: string, patch: WorkerPatch, actorId: string): Promise<Worker | undefined> {
  return catalogTransaction(async (tx) => {
    const before = await lockByRef(tx, workers, ref, "no key update");
    if (!before) return undefined;
    const audit = audited(tx, actorId);
    const beforeJson = await audit.toJson(before);
    const { serviceIds, ...refs } = await resolveRefs(tx, patch);
    if (serviceIds) await setServices(tx, before.id, serviceIds);
    const { serviceIds: _refs, ...fields } = patch;
    return updateCatalogRow(tx, workers, before, { ...fields, ...refs }, audit, beforeJson);
  });
}

/**
 * Deletes the worker, or, when past appointments name them, deactivates them and drops the shifts
 * they had not started yet, so their workplaces free up (409 while booked appointments lie ahead).
 * Undefined when `ref` names no worker.
 */
export function deleteWorker(ref: string, actorId: string): Promise<"deleted" | "deactivated" | undefined> {
  return catalogTransaction(async (tx) => {
    const before = await lockByRef(tx, workers, ref, "update");
    if (!before) return undefined;
    return deleteOrRetire(tx, workers, before, appointments.workerId, audited(tx, actorId), () =>
      tx.delete(shifts).where(and(eq(shifts.workerId, before.id), gt(shifts.startAt, sql`now()`))),
    );
  });
}
