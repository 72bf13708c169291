// Workers (API.md "Catalog"): who is booked, with their specialty, home location and services.
import { getDb } from "@/db/client";
import { findByRef, lockByRef, type Tx } from "@/db/queries/catalog-shared";
import { findUserById } from "@/db/queries/users";
import { findWorkerOfUser } from "@/db/queries/worker-of-user";
import {
  deleteUpcomingShifts,
  listWorkers as listWorkerRows,
  servicesByRefs,
  setWorkerServices,
} from "@/db/queries/workers";
import { appointments } from "@/db/schema/appointments";
import { locations, specialties, type Worker, workers } from "@/db/schema/catalog";
import { alreadyExists, invalidRequest, validationFailed } from "@/lib/errors";
import type { WorkerCreate, WorkerListQuery, WorkerPatch } from "@/lib/validation/catalog";
import { deleteOrRetire, insertAudited, updateAudited } from "./audited-writes";
import { catalogTransaction } from "./transaction";
import { workersToJson } from "./worker-json";

/**
 * A page of workers; the filters combine. `specialty`, `location` (home) and `service` (performed)
 * take an id or a slug, and one that names nothing matches no worker. `q` finds workers whose name
 * contains every word of it, in any case and script (see db/search.ts).
 */
export const listWorkers = async (query: WorkerListQuery): Promise<Worker[]> => listWorkerRows(await getDb(), query);

export const findWorker = (ref: string) => findByRef(workers, ref);

type Issue = { path: string; message: string };
type RefFields = Pick<WorkerPatch, "specialtyId" | "locationId" | "serviceIds">;
type ResolvedRefs = { specialtyId?: string | null; locationId?: string | null; serviceIds?: string[] };

/**
 * Turns the references of a worker body (ids or slugs) into ids. One that names nothing is a fault
 * of the body, not a missing resource at the URL, so it answers 400 validation_failed with the path
 * of the field ("locationId", "serviceIds.2"), like any other bad field, rather than 404.
 */
async function resolveRefs(tx: Tx, body: RefFields): Promise<ResolvedRefs> {
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
    const row = await findByRef(table, ref, tx);
    if (!row) issues.push({ path: field, message: `No ${what} has this id or slug.` });
    resolved[field] = row?.id;
  }
  if (body.serviceIds) {
    const refs = body.serviceIds;
    const rows = await servicesByRefs(tx, refs);
    const idOf = (ref: string) => rows.find((r) => r.id === ref.toLowerCase() || r.slug === ref)?.id;
    refs.forEach((ref, i) => {
      if (!idOf(ref)) issues.push({ path: `serviceIds.${i}`, message: "No service has this id or slug." });
    });
    resolved.serviceIds = [...new Set(refs.flatMap((ref) => idOf(ref) ?? []))];
  }
  if (issues.length > 0) throw invalidRequest(issues);
  return resolved;
}

const audited = (tx: Tx, actorId: string) => ({
  actorId,
  entity: "worker",
  toJson: async (row: Worker) => (await workersToJson(tx, [row], { staff: true }))[0],
});

/**
 * `userId` links the worker record to a user account of role `worker` (400 validation_failed on
 * `userId` for a missing account or another role; 409 already_exists when another worker record
 * has it); null unlinks.
 */
async function checkLinkedUser(tx: Tx, workerId: string, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const user = await findUserById(userId, tx);
  if (!user) throw validationFailed("userId", "No user account has this id.");
  if (user.role !== "worker") {
    throw validationFailed("userId", "Only an account of role worker can be linked to a worker record.");
  }
  const linked = await findWorkerOfUser(tx, userId);
  if (linked && linked.id !== workerId) throw alreadyExists("userId");
}

export function createWorker(input: WorkerCreate, actorId: string): Promise<Worker> {
  return catalogTransaction(async (tx) => {
    const { serviceIds, ...refs } = await resolveRefs(tx, input);
    const { serviceIds: _refs, ...fields } = input;
    return insertAudited(tx, workers, { ...fields, ...refs }, audited(tx, actorId), (row) =>
      setWorkerServices(tx, row.id, serviceIds ?? []),
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
    await checkLinkedUser(tx, before.id, patch.userId);
    const { serviceIds, ...refs } = await resolveRefs(tx, patch);
    if (serviceIds) await setWorkerServices(tx, before.id, serviceIds);
    const { serviceIds: _refs, ...fields } = patch;
    return updateAudited(tx, workers, before, { ...fields, ...refs }, audit, beforeJson);
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
      deleteUpcomingShifts(tx, before.id),
    );
  });
}
