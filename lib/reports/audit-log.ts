// GET /audit (an extension to API.md): managers read who changed what, newest first.
import { getDb } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { type AuditEntry, toAuditEntryJson } from "@/lib/contract/audit-entry";
import type { AuditQuery } from "@/lib/validation/audit";

/** A page of the audit log, of one kind of record (and one record, given its id) if asked. */
export async function auditLogPage(query: AuditQuery): Promise<AuditEntry[]> {
  const rows = await listAudit(await getDb(), { ...query, entityId: query.id });
  return rows.map(toAuditEntryJson);
}
