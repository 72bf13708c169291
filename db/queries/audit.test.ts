// Audit rows written through statements built once and bound to each transaction
// (db/statements.ts statementFamily): they commit and roll back with the change they record, and
// a field left out is SQL NULL, not a JSON null.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { userWithToken } from "@/testing/fixtures";
import { recordAudit } from "./audit";

const rowsFor = async (entityId: string) => {
  const db = await getDb();
  return db
    .select({
      action: auditLog.action,
      actorId: auditLog.actorId,
      before: auditLog.before,
      after: auditLog.after,
      beforeIsNull: sql<boolean>`${auditLog.before} is null`,
      afterIsNull: sql<boolean>`${auditLog.after} is null`,
    })
    .from(auditLog)
    .where(eq(auditLog.entityId, entityId))
    .orderBy(auditLog.id);
};

describe("recordAudit", () => {
  it("writes one row per call in the caller's transaction, nulls as SQL NULL", async () => {
    const db = await getDb();
    const { user } = await userWithToken("manager");
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await recordAudit(tx, {
        actorId: user.id,
        action: "thing.create",
        entity: "thing",
        entityId: id,
        after: { a: 1 },
      });
      await recordAudit(tx, {
        actorId: null,
        action: "thing.update",
        entity: "thing",
        entityId: id,
        before: { a: 1 },
        after: { a: 2 },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "thing.delete",
        entity: "thing",
        entityId: id,
        before: { a: 2 },
      });
    });
    expect(await rowsFor(id)).toEqual([
      {
        action: "thing.create",
        actorId: user.id,
        before: null,
        after: { a: 1 },
        beforeIsNull: true,
        afterIsNull: false,
      },
      {
        action: "thing.update",
        actorId: null,
        before: { a: 1 },
        after: { a: 2 },
        beforeIsNull: false,
        afterIsNull: false,
      },
      {
        action: "thing.delete",
        actorId: user.id,
        before: { a: 2 },
        after: null,
        beforeIsNull: false,
        afterIsNull: true,
      },
    ]);
  });

  it("rolls back with the transaction it was written in", async () => {
    const db = await getDb();
    const { user } = await userWithToken("manager");
    const id = randomUUID();
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, { actorId: user.id, action: "thing.create", entity: "thing", entityId: id, after: {} });
        expect(
          await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.entityId, id)),
        ).toEqual([{ n: 1 }]);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await rowsFor(id)).toEqual([]);
  });
});
