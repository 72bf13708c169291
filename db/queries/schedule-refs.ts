// The records that schedule routes address by `{ref}` or by a reference in the body.
import { notFound } from "@/lib/errors";
import type { Executor } from "../client";
import { type Location, locations, type Worker } from "../schema/catalog";
import { findZonedWorker } from "./availability";
import { findByRef } from "./catalog-shared";

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

/** A location by id or slug; 404 when there is none. */
export async function findLocationOr404(db: Executor, ref: string): Promise<Location> {
  const row = await findByRef(locations, ref, db);
  if (!row) throw notFound("Location");
  return row;
}
