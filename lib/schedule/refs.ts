// The records that schedule use cases address by `{ref}` or by a reference in the body.
import { type Executor, getDb } from "@/db/client";
import { findZonedWorker } from "@/db/queries/availability";
import { findByRef } from "@/db/queries/catalog-shared";
import { type Location, locations, type Worker } from "@/db/schema/catalog";
import { notFound } from "@/lib/errors";

/**
 * A worker by id or slug, with the timezone its dates are read in: that of its home location, or
 * UTC for a worker without one. 404 when there is no such worker.
 */
export async function findWorkerOr404(db: Executor, ref: string): Promise<Worker & { timezone: string }> {
  const worker = await findZonedWorker(db, ref);
  if (!worker) throw notFound("Worker");
  const { homeTimeZone, ...row } = worker;
  return { ...row, timezone: homeTimeZone ?? "UTC" };
}

/** findWorkerOr404 on the app's database, for a page. */
export async function workerOr404(ref: string): Promise<Worker & { timezone: string }> {
  return findWorkerOr404(await getDb(), ref);
}

/** A location by id or slug; 404 when there is none. */
export async function findLocationOr404(db: Executor, ref: string): Promise<Location> {
  const row = await findByRef(locations, ref, db);
  if (!row) throw notFound("Location");
  return row;
}
