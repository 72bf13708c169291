import type { SpecialtyCreate, SpecialtyPatch } from "@/lib/validation/catalog";
import type { PageQuery } from "@/lib/validation/common";
import { type Specialty, specialties } from "../schema/catalog";
import { toSpecialtyJson } from "./catalog-json";
import { findByRef, listPage, lockByRef } from "./catalog-shared";
import { catalogTransaction, deleteCatalogRow, insertCatalogRow, updateCatalogRow } from "./catalog-write";

const audited = (actorId: string) => ({ actorId, entity: "specialty", toJson: toSpecialtyJson });

export const listSpecialties = (page: PageQuery) => listPage(specialties, page);

export const findSpecialty = (ref: string) => findByRef(specialties, ref);

export function createSpecialty(input: SpecialtyCreate, actorId: string): Promise<Specialty> {
  return catalogTransaction((tx) => insertCatalogRow(tx, specialties, input, audited(actorId)));
}

/** Changes the fields given; undefined when `ref` names no specialty. */
export function updateSpecialty(ref: string, patch: SpecialtyPatch, actorId: string): Promise<Specialty | undefined> {
  return catalogTransaction(async (tx) => {
    const before = await lockByRef(tx, specialties, ref, "no key update");
    return before && updateCatalogRow(tx, specialties, before, patch, audited(actorId));
  });
}

/** Deletes the specialty; its workers go on without one (the foreign key sets it to null). */
export function deleteSpecialty(ref: string, actorId: string): Promise<boolean> {
  return catalogTransaction(async (tx) => {
    const before = await lockByRef(tx, specialties, ref, "update");
    if (!before) return false;
    await deleteCatalogRow(tx, specialties, before, audited(actorId));
    return true;
  });
}
