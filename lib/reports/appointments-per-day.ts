// GET /stats/appointments-per-day (API.md "Stats"): the chart of the stats page.
import { getDb } from "@/db/client";
import { findByRef } from "@/db/queries/catalog-shared";
import { appointmentsPerDay, type DayCount } from "@/db/queries/stats";
import { locations, workers } from "@/db/schema/catalog";
import { unreadableLocationZones } from "@/lib/catalog/time-zones";
import { validationFailed } from "@/lib/errors";
import type { AppointmentsPerDayQuery } from "@/lib/validation/stats";

// A filter naming nothing is a fault of the query, answered like any other bad parameter (400 with
// its path), not an empty chart that looks like a quiet month.
export async function resolveRef(table: typeof workers | typeof locations, ref: string | undefined, path: string) {
  if (ref === undefined) return undefined;
  const row = await findByRef(table, ref);
  if (!row) throw validationFailed(path, "No record has this id or slug.");
  return row.id;
}

/** Booked and completed appointments per day of the query's range, of one worker or location if named. */
export async function appointmentsPerDayReport(query: AppointmentsPerDayQuery): Promise<DayCount[]> {
  const workerId = await resolveRef(workers, query.workerId, "workerId");
  const locationId = await resolveRef(locations, query.locationId, "locationId");
  const db = await getDb();
  return appointmentsPerDay(db, query, { workerId, locationId }, await unreadableLocationZones(db));
}
