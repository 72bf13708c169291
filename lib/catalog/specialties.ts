// Specialties (API.md "Catalog"): what a worker does, for finding them.
import { getDb } from "@/db/client";
import { findByRef, lockByRef } from "@/db/queries/catalog-shared";
import { listSpecialties as listSpecialtyRows } from "@/db/queries/specialties";
import { type Specialty, specialties } from "@/db/schema/catalog";
import { toSpecialtyJson } from "@/lib/contract/specialty";
import type { SpecialtyCreate, SpecialtyPatch } from "@/lib/validation/catalog";
import type { PageQuery } from "@/lib/validation/common";
import { deleteAudited, insertAudited, updateAudited } from "./audited-writes";
import { catalogTransaction } from "./transaction";

const audited = (actorId: string) => ({ actorId, entity: "specialty", toJson: toSpecialtyJson });

export const listSpecialties = async (page: PageQuery) => listSpecialtyRows(await getDb(), page);

export const findSpecialty = (ref: string) => findByRef(specialties, ref);

export function createSpecialty(input: SpecialtyCreate, actorId: string): Promise<Specialty> {
  return catalogTransaction((tx) => insertAudited(tx, specialties, input, audited(actorId)));
}

/** Changes the fields given; undefined when `ref` names no specialty. */
export function updateSpecialty(ref: string, patch: SpecialtyPatch, actorId: string): Promise<Specialty | undefined> {
  return catalogTransaction(async (tx) => {
    const before = await lockByRef(tx, specialties, ref, "no key update");
    return before && updateAudited(tx, specialties, before, patch, audited(actorId));
  });
}

/** Deletes the specialty; its workers go on without one (the foreign key sets it to null). */
export function deleteSpecialty(ref: string, actorId: string): Promise<boolean> {
  return catalogTransaction(async (tx) => {
    const before = await lockByRef(tx, specialties, ref, "update");
    if (!before) return false;
    await deleteAudited(tx, specialties, before, audited(actorId));
    return true;
  });
}
