// The desk's and managers' read-only views: appointment counts per day and the audit log.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { auditEntrySchema, dayCountsSchema, itemsOf } from "@/lib/contract";
import { auditQuerySchema } from "@/lib/validation/audit";
import { appointmentsPerDayQuerySchema, MAX_STATS_DAYS } from "@/lib/validation/stats";
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
