import type { Executor } from "../client";
import { auditLog } from "../schema/system";

export type AuditRecord = {
  actorId: string | null;
  /** What happened, e.g. "appointment.cancel", "user.block", "shift.delete". */
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Writes audit rows inside the caller's transaction, so the record and the change commit together. */
export async function recordAudit(db: Executor, ...records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db.insert(auditLog).values(
    records.map((r) => ({
      actorId: r.actorId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
  );
}
