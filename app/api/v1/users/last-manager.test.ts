// The business must keep one manager who can sign in: the last active manager cannot be demoted or
// blocked, not even by two managers demoting each other at the same moment.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import * as block from "./[id]/block/route";
import * as item from "./[id]/route";

const demote = (token: string, id: string) =>
  call(item.PATCH, "PATCH", `/api/v1/users/${id}`, { token, params: { id }, body: { role: "admin" } });
const blockUser = (token: string, id: string) =>
  call(block.POST, "POST", `/api/v1/users/${id}/block`, { token, params: { id } });

const activeManagers = async () =>
  (
    await (
      await getDb()
    )
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(users)
      .where(sql`${users.role} = 'manager' and not ${users.blocked}`)
  )[0]?.n;

// Each test starts with no manager at all; the ones it makes are the only ones.
beforeEach(async () => {
  await (await getDb()).update(users).set({ role: "admin" }).where(eq(users.role, "manager"));
});

describe("the last active manager", () => {
  it("cannot demote or block themselves, with 409 last_manager and nothing changed", async () => {
    const only = await userWithToken("manager");
    for (const res of [await demote(only.token, only.user.id), await blockUser(only.token, only.user.id)]) {
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe("last_manager");
    }
    expect(await activeManagers()).toBe(1);
  });

  it("may step down once another manager can take over", async () => {
    const first = await userWithToken("manager");
    const second = await userWithToken("manager");
    expect((await demote(first.token, first.user.id)).json.role).toBe("admin");
    expect((await demote(second.token, second.user.id)).status).toBe(409);
    expect(await activeManagers()).toBe(1);
  });

  it("a blocked manager does not count as one who can take over", async () => {
    const first = await userWithToken("manager");
    const second = await userWithToken("manager");
    expect((await blockUser(first.token, second.user.id)).json.blocked).toBe(true);
    expect((await demote(first.token, first.user.id)).json.error.code).toBe("last_manager");
  });

  describe.runIf(Boolean(process.env.DATABASE_URL))("concurrently (PostgreSQL)", () => {
    it("two managers demoting each other at once: exactly one succeeds", async () => {
      for (let round = 0; round < 5; round++) {
        await (await getDb()).update(users).set({ role: "admin" }).where(eq(users.role, "manager"));
        const a = await userWithToken("manager");
        const b = await userWithToken("manager");
        const results = await Promise.all([demote(a.token, b.user.id), demote(b.token, a.user.id)]);
        const [won, lost] = results.map((r) => r.status).sort();
        expect(won).toBe(200);
        // The loser is refused as the last manager, or, already demoted, may no longer manage users.
        expect([403, 409]).toContain(lost);
        expect(await activeManagers()).toBe(1);
      }
    });

    it("two managers blocking each other at once: exactly one succeeds", async () => {
      const a = await userWithToken("manager");
      const b = await userWithToken("manager");
      const results = await Promise.all([blockUser(a.token, b.user.id), blockUser(b.token, a.user.id)]);
      const statuses = results.map((r) => r.status).sort();
      // The loser is either refused as the last manager or, already blocked, turned away at the door.
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      expect(await activeManagers()).toBe(1);
    });
  });
});
