// The records that schedule routes address by `{ref}` or by a reference in the body.
import { eq } from "drizzle-orm";
import { notFound } from "@/lib/errors";
import type { Executor } from "../client";
import { type Location, locations, type Worker, workers } from "../schema/catalog";
import { byRef } from "./refs";

/**
 * A worker by id or slug, with the timezone its dates are read in: that of its home location, or
 * UTC for a worker without one. 404 when there is no such worker.
 */
export async function findWorkerOr404(db: Executor, ref: string): Promise<Worker & { timezone: string }> {
  const [row] = await db
    .select({ worker: workers, timezone: locations.timezone })
    .from(workers)
    .leftJoin(locations, eq(locations.id, workers.locationId))
    .where(byRef(workers, ref))
    .limit(1);
  if (!row) throw notFound("Worker");
  return { ...row.worker, timezone: row.timezone ?? "UTC" };
}

/** A location by id or slug; 404 when there is none. */
export async function findLocationOr404(db: Executor, ref: string): Promise<Location> {
  const [row] = await db.select().from(locations).where(byRef(locations, ref)).limit(1);
  if (!row) throw notFound("Location");
  return row;
}
