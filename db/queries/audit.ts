import { and, desc, eq, sql } from "drizzle-orm";
import { type Executor, transactionStatement } from "../client";
import { auditLog } from "../schema/system";
import { users } from "../schema/users";

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

const NULLABLE = ["actorId", "before", "after"] as const;

/**
 * One audit row, through a statement built once per shape (which of the nullable fields are null:
 * those are written as null, since the placeholders' encoders would store a JSON null instead).
 */
async function recordOne(db: Executor, record: AuditRecord): Promise<void> {
  const values = auditRow(record);
  const present = NULLABLE.filter((name) => values[name] !== null);
  const run = transactionStatement(db, `record_audit_${present.join("_") || "none"}`, () =>
    db.insert(auditLog).values({
      action: sql.placeholder("action"),
      entity: sql.placeholder("entity"),
      entityId: sql.placeholder("entityId"),
      ...Object.fromEntries(present.map((name) => [name, sql.placeholder(name)])),
    }),
  );
  await run(values);
}

export type AuditFilter = { entity?: string; entityId?: string; limit: number; offset: number };

/** A page of audit rows, newest first, with who did it (null once that account is gone). */
export async function listAudit(db: Executor, filter: AuditFilter) {
  const rows = await db
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
  return rows.map(({ entry, actor }) => ({
    id: String(entry.id),
    at: entry.at.toISOString(),
    actor: actor?.id ? actor : null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
  }));
}
