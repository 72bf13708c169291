import { getDb } from "@/db/client";
import { findByRef } from "@/db/queries/catalog-shared";
import { appointmentsPerDay } from "@/db/queries/stats";
import { locations, workers } from "@/db/schema";
import { route } from "@/lib/api/handler";
import { validationFailed } from "@/lib/errors";
import { appointmentsPerDayQuerySchema } from "@/lib/validation/stats";

// A filter naming nothing is a fault of the query, answered like any other bad parameter (400 with
// its path), not an empty chart that looks like a quiet month.
async function resolve(table: typeof workers | typeof locations, ref: string | undefined, path: string) {
  if (ref === undefined) return undefined;
  const row = await findByRef(table, ref);
  if (!row) throw validationFailed(path, "No record has this id or slug.");
  return row.id;
}

export const GET = route({ role: "admin", query: appointmentsPerDayQuerySchema }, async ({ query }) => {
  const workerId = await resolve(workers, query.workerId, "workerId");
  const locationId = await resolve(locations, query.locationId, "locationId");
  return { items: await appointmentsPerDay(await getDb(), query, { workerId, locationId }) };
});
