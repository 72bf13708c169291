import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { type AuditEntry, auditLog } from "../schema/system";
import { users } from "../schema/users";
import { statementFamily } from "../statements";

export type AuditRecord = {
  actorId: string | null;
  /** What happened, e.g. "appointment.cancel", "user.block", "shift.delete". */
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

const auditRow = (r: AuditRecord) => ({
  actorId: r.actorId,
  action: r.action,
  entity: r.entity,
  entityId: r.entityId,
  before: r.before ?? null,
  after: r.after ?? null,
});

/** Writes audit rows inside the caller's transaction, so the record and the change commit together. */
export async function recordAudit(db: Executor, ...records: AuditRecord[]): Promise<void> {
  const [only] = records;
  if (records.length === 1 && only) return recordOne(db, only);
  if (records.length > 0) await db.insert(auditLog).values(records.map(auditRow));
}

/**
 * The insert of one audit row, one shape per which of the nullable fields are present: those that
 * are null are left out (SQL NULL), since the placeholders' encoders would store a JSON null instead.
 */
const insertAudit = statementFamily("record_audit", (db, actorId: boolean, before: boolean, after: boolean) =>
  db.insert(auditLog).values({
    action: sql.placeholder("action"),
    entity: sql.placeholder("entity"),
    entityId: sql.placeholder("entityId"),
    ...(actorId ? { actorId: sql.placeholder("actorId") } : {}),
    ...(before ? { before: sql.placeholder("before") } : {}),
    ...(after ? { after: sql.placeholder("after") } : {}),
  }),
);

/** One audit row, through a statement built once per shape. */
async function recordOne(db: Executor, record: AuditRecord): Promise<void> {
  const values = auditRow(record);
  await insertAudit(values.actorId !== null, values.before !== null, values.after !== null)(db, values);
}

export type AuditFilter = { entity?: string; entityId?: string; limit: number; offset: number };

/** An audit row and who did it (null once that account is gone). */
export type AuditRow = { entry: AuditEntry; actor: { id: string; name: string; email: string } | null };

/** A page of audit rows, newest first. */
export async function listAudit(db: Executor, filter: AuditFilter): Promise<AuditRow[]> {
  return db
    .select({ entry: auditLog, actor: { id: users.id, name: users.name, email: users.email } })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        filter.entity === undefined ? undefined : eq(auditLog.entity, filter.entity),
        filter.entityId === undefined ? undefined : eq(auditLog.entityId, filter.entityId),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
}
