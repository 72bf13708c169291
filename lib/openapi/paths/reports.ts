// The desk's and managers' read-only views: appointment counts per day and the audit log.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { auditEntrySchema, dayCountsSchema, itemsOf, statsSummarySchema } from "@/lib/contract";
import { CSV_COLUMNS } from "@/lib/reports/appointments-csv";
import { auditQuerySchema } from "@/lib/validation/audit";
import {
  appointmentsCsvQuerySchema,
  appointmentsPerDayQuerySchema,
  MAX_STATS_DAYS,
  statsSummaryQuerySchema,
} from "@/lib/validation/stats";
import { describeEndpoint } from "../operation";

export function registerReports(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "get",
    path: "/stats/appointments-per-day",
    tag: "Stats",
    summary: "Booked and completed appointments per day",
    description:
      "Each appointment counts on the date its start has in its own location's timezone; `from` and `to` " +
      `(both included, at most ${MAX_STATS_DAYS} days) select those local dates. Every day of the range is ` +
      "present, zero or not. `workerId` and `locationId` take an id or a slug; one naming nothing is a 400.",
    access: "admin",
    query: appointmentsPerDayQuerySchema,
    ok: { status: 200, description: "One count per day of the range.", schema: dayCountsSchema },
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/stats/summary",
    tag: "Stats",
    summary: "Counts, no-show rate, revenue and utilisation of a range",
    description:
      "An extension of API.md. Computed by the database. The appointments counted are those whose start falls, " +
      "in their own location's timezone, on a date from `from` to `to` (both included, at most " +
      `${MAX_STATS_DAYS} days), of the worker and location if named (id or slug; one naming nothing is a 400). ` +
      "`booked`, `completed`, `cancelled` and `noShow` count them by their status now. " +
      "`noShowRate` = noShow / (completed + noShow), 0 when both are 0. " +
      "`revenue`: the prices (as booked, in major units) of the completed appointments, summed per currency. " +
      "`bookedMinutes`: the length of the booked, completed and no-show appointments (not cancelled). " +
      "`shiftMinutes`: the length of the shifts of the worker/location, each clipped to local midnight of " +
      "`from` and local midnight after `to` in its location's timezone. " +
      "`utilisation` = bookedMinutes / shiftMinutes, 0 when there are no shift minutes (it may exceed 1 when " +
      "appointments lie outside shifts). Ratios are rounded to 4 decimal places. " +
      "`groupBy=day` or `groupBy=worker` (an extension) adds `groups`: the counts, booked minutes and revenue per " +
      "local day of the range (every day, zero or not) or per worker with appointments in it, grouped by the database.",
    access: "admin",
    query: statsSummaryQuerySchema,
    ok: { status: 200, description: "The figures of the range.", schema: statsSummarySchema },
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/reports/appointments.csv",
    tag: "Stats",
    summary: "The appointments of a range as CSV",
    description:
      "An extension of API.md. RFC 4180 (CRLF line ends; a field holding a comma, quote, CR or LF is quoted, " +
      `quotes doubled), UTF-8, with a header row: ${CSV_COLUMNS.join(",")}. The same range and filters as ` +
      "GET /stats/summary, and one `status` if named; ordered by start. `start` and `end` are local times " +
      "in the location's timezone with the offset (RFC 3339); `price` is in major units. A cell that begins " +
      "with `=`, `+`, `-`, `@`, TAB or CR is prefixed with `'` so that no spreadsheet runs it as a formula " +
      '(a phone "+7…" reads "\'+7…"). Sent as a download named `appointments-<from>-<to>.csv`.',
    access: "admin",
    query: appointmentsCsvQuerySchema,
    ok: {
      status: 200,
      description: "The CSV file.",
      schema: z.string(),
      contentType: "text/csv",
      headers: {
        "Content-Disposition": {
          description: '`attachment; filename="appointments-<from>-<to>.csv"`',
          schema: { type: "string" },
        },
      },
    },
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/audit",
    tag: "Audit",
    summary: "Who changed what",
    description:
      "An extension of API.md. Newest first. Every change to an appointment (booking, reschedule, status, notes, " +
      "cancellation), every " +
      "schedule and catalog change, account creation, role change, block and unblock, client deletion or " +
      "erasure and calendar-token rotation writes a row in the same transaction as the change. `entity` filters " +
      "by kind of record; `id` by one record and needs `entity`.",
    access: "manager",
    query: auditQuerySchema,
    ok: { status: 200, description: "A page of audit rows.", schema: itemsOf(auditEntrySchema) },
  });
}
