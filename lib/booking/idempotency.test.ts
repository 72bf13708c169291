// Idempotency-Key: what a key's row means for a request (replay, refuse, or nothing yet), and keys
// forgotten after a week (purgeIdempotencyKeys, run hourly by the job queue): older keys go, newer ones
// keep answering, and a forgotten key is simply a new request again.
import { subHours, subMinutes } from "date-fns";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { IdempotencyKeyRow } from "@/db/queries/idempotency";
import { idempotencyKeys } from "@/db/schema";
import { userWithToken } from "@/testing/fixtures";
import { IDEMPOTENCY_KEY_HOURS, purgeIdempotencyKeys, replayOf, runOncePerKey } from "./idempotency";

const NOW = new Date("2026-03-02T12:00:00Z");

describe("purging idempotency keys", () => {
  it("forgets keys older than a week and keeps the rest answering", async () => {
    const db = await getDb();
    const { user } = await userWithToken("client");
    const week = subHours(NOW, IDEMPOTENCY_KEY_HOURS);
    const keys = [
      ["stale", subMinutes(week, 1)],
      ["just-in-time", subMinutes(week, -1)],
      ["fresh", subHours(NOW, 1)],
    ] as const;
    for (const [key, createdAt] of keys) {
      await db.insert(idempotencyKeys).values({
        ownerId: user.id,
        key,
        requestHash: "h",
        responseStatus: 201,
        responseBody: { key },
        createdAt,
      });
    }
    expect(await purgeIdempotencyKeys(db, NOW)).toBe(1);
    const left = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.ownerId, user.id));
    expect(left.map((k) => k.key).sort()).toEqual(["fresh", "just-in-time"]);
    // Nothing left to purge: running it again changes nothing.
    expect(await purgeIdempotencyKeys(db, NOW)).toBe(0);

    let runs = 0;
    const work = async () => ({ status: 201, body: { run: ++runs } });
    const replayed = await db.transaction((tx) =>
      runOncePerKey(tx, { ownerId: user.id, key: "fresh", hash: "h" }, work),
    );
    expect(replayed).toEqual({ status: 201, body: { key: "fresh" }, replayed: true });
    const anew = await db.transaction((tx) => runOncePerKey(tx, { ownerId: user.id, key: "stale", hash: "h" }, work));
    expect(anew).toEqual({ status: 201, body: { run: 1 }, replayed: false });
  });
});

describe("what a key's row means for a request", () => {
  const row = (fields: Partial<IdempotencyKeyRow>): IdempotencyKeyRow => ({
    ownerId: "00000000-0000-4000-8000-000000000001",
    key: "k",
    requestHash: "h",
    responseStatus: 201,
    responseBody: { id: "a" },
    createdAt: NOW,
    ...fields,
  });

  it("replays the stored answer to the same request", () => {
    expect(replayOf(row({}), "h")).toEqual({ status: 201, body: { id: "a" }, replayed: true });
  });

  it("has nothing to replay without a row, or before its first request committed an answer", () => {
    expect(replayOf(undefined, "h")).toBeUndefined();
    expect(replayOf(row({ responseStatus: null, responseBody: null }), "h")).toBeUndefined();
  });

  it("refuses another request under the same key with 422 idempotency_key_reused", () => {
    expect(() => replayOf(row({}), "other")).toThrow(
      expect.objectContaining({ code: "idempotency_key_reused", status: 422 }),
    );
  });
});
