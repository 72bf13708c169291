// One row of the audit log (GET /audit).
import { z } from "zod";
import type { AuditRow } from "@/db/queries/audit";

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().describe("RFC 3339 instant in UTC."),
    actor: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    action: z.string().describe("What happened, e.g. appointment.cancel, user.block, client.erase."),
    entity: z.string().describe("The kind of record: user, client, appointment, shift, worker, …"),
    entityId: z.string(),
    before: z
      .unknown()
      .describe("The record's fields before the change (null when created); never personal data of an erased client."),
    after: z.unknown().describe("The record's fields after the change (null when deleted)."),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `at` in UTC; the actor's id, name and email while that account exists. */
export function toAuditEntryJson({ entry, actor }: AuditRow): AuditEntry {
  return {
    id: String(entry.id),
    at: entry.at.toISOString(),
    actor: actor?.id ? actor : null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
  };
}
