// Service rows.
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { services, workerServices } from "../schema/catalog";
import { listPage, type Page } from "./catalog-shared";

/** A page of services; inactive ones only when asked for. */
export const listServices = (db: Executor, query: Page & { includeInactive?: boolean }) =>
  listPage(db, services, query, query.includeInactive ? undefined : eq(services.active, true));

/** Takes the service off every worker's list. */
export async function removeServiceFromWorkers(db: Executor, serviceId: string): Promise<void> {
  await db.delete(workerServices).where(eq(workerServices.serviceId, serviceId));
}
