// Services (API.md "Catalog"): what can be booked, for how long and at what price.
import { getDb } from "@/db/client";
import { findByRef, lockByRef } from "@/db/queries/catalog-shared";
import { listServices as listServiceRows, removeServiceFromWorkers } from "@/db/queries/services";
import { appointments } from "@/db/schema/appointments";
import { type Service, services } from "@/db/schema/catalog";
import { toServiceJson } from "@/lib/contract/service";
import type { ServiceCreate, ServiceListQuery, ServicePatch } from "@/lib/validation/catalog";
import { deleteOrRetire, insertAudited, updateAudited } from "./audited-writes";
import { catalogTransaction } from "./transaction";

const audited = (actorId: string) => ({ actorId, entity: "service", toJson: toServiceJson });

/** A page of services; inactive ones only when asked for. */
export const listServices = async (query: ServiceListQuery) => listServiceRows(await getDb(), query);

export const findService = (ref: string) => findByRef(services, ref);

export function createService(input: ServiceCreate, actorId: string): Promise<Service> {
  return catalogTransaction((tx) => insertAudited(tx, services, input, audited(actorId)));
}

/** Changes the fields given; undefined when `ref` names no service. */
export function updateService(ref: string, patch: ServicePatch, actorId: string): Promise<Service | undefined> {
  return catalogTransaction(async (tx) => {
    const before = await lockByRef(tx, services, ref, "no key update");
    return before && updateAudited(tx, services, before, patch, audited(actorId));
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
      removeServiceFromWorkers(tx, before.id),
    );
  });
}
