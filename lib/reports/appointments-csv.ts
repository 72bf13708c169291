// GET /reports/appointments.csv (API.md "Staff views and reports"): the appointments of a range as a
// spreadsheet download.
import { getDb } from "@/db/client";
import { appointmentsForExport } from "@/db/queries/stats-summary";
import { locations, workers } from "@/db/schema/catalog";
import { unreadableLocationZones } from "@/lib/catalog/time-zones";
import { formatInstant } from "@/lib/time/zoned";
import type { AppointmentsCsvQuery } from "@/lib/validation/stats";
import { resolveRef } from "./appointments-per-day";
import { toCsv } from "./csv";

export const CSV_COLUMNS = [
  "id",
  "start",
  "end",
  "timezone",
  "status",
  "worker",
  "service",
  "location",
  "client",
  "phone",
  "email",
  "price",
  "currency",
  "notes",
] as const;

/** The CSV text: a header row, then one row per appointment by start, times local to its location with the offset. */
export async function appointmentsCsv(query: AppointmentsCsvQuery): Promise<string> {
  const workerId = await resolveRef(workers, query.workerId, "workerId");
  const locationId = await resolveRef(locations, query.locationId, "locationId");
  const db = await getDb();
  const rows = await appointmentsForExport(
    db,
    query,
    { workerId, locationId, status: query.status },
    await unreadableLocationZones(db),
  );
  return toCsv([
    CSV_COLUMNS,
    ...rows.map((r) => [
      r.id,
      formatInstant(new Date(r.startAt), r.timezone),
      formatInstant(new Date(r.endAt), r.timezone),
      r.timezone,
      r.status,
      r.worker,
      r.service,
      r.location,
      r.client,
      r.phone,
      r.email,
      r.price,
      r.currency,
      r.notes,
    ]),
  ]);
}

/** The download: `text/csv` in UTF-8, named after the range. */
export function csvResponse(body: string, query: { from: string; to: string }): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="appointments-${query.from}-${query.to}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
