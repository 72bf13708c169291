import { eq } from "drizzle-orm";
import type { ServiceCreate, ServiceListQuery, ServicePatch } from "@/lib/validation/catalog";
import { appointments } from "../schema/appointments";
import { type Service, services, workerServices } from "../schema/catalog";
import { toServiceJson } from "./catalog-json";
import { findByRef, listPage, lockByRef } from "./catalog-shared";
import { catalogTransaction, deleteOrRetire, insertCatalogRow, updateCatalogRow } from "./catalog-write";

const audited = (actorId: string) => ({ actorId, entity: "service", toJson: toServiceJson });

/** A page of services; inactive ones only when asked for. */
export const listServices = (query: ServiceListQuery) =>
  listPage(services, query, query.includeInactive ? undefined : eq(services.active, true));

export const findService = (ref: string) => findByRef(services, ref);

export function createService(input: ServiceCreate, actorId: string): Promise<Service> {
  return catalogTransaction((tx) => insertCatalogRow(tx, services, input, audited(actorId)));
}

/** Changes the fields given; undefined when `ref` names no service. */
export function updateService(ref: string, patch: ServicePatch, actorId: string): Promise<Service | undefined> {
  return catalogTransaction(async (tx) => {
    const before = await lockByRef(tx, services, ref, "no key update");
    return before && updateCatalogRow(tx, services, before, patch, audited(actorId));
  });
}

/**
 * Deletes the service, or, when past appointments name it, deactivates it and takes it off every
 * worker's list, as a delete would have (409 while booked ones lie ahead). Undefined when `ref`
 * names no service.
 */
export function deleteService(ref: string, actorId: string): Promise<"deleted" | "deactivated" | undefined> {
  return catalogTransaction(async (tx) => {
    const before = await lockByRef(tx, services, ref, "update");
    if (!before) return undefined;
    return deleteOrRetire(tx, services, before, appointments.serviceId, audited(actorId), () =>
      tx.delete(workerServices).where(eq(workerServices.serviceId, before.id)),
    );
  });
}
