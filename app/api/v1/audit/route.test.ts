import { describe, expect, it } from "vitest";
import * as block from "@/app/api/v1/users/[id]/block/route";
import * as userItem from "@/app/api/v1/users/[id]/route";
import * as unblock from "@/app/api/v1/users/[id]/unblock/route";
import { userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET } from "./route";

const read = (token: string, query: string) => call(GET, "GET", `/api/v1/audit?${query}`, { token });
const post = (handler: typeof block, token: string, id: string) =>
  call(handler.POST, "POST", `/api/v1/users/${id}/x`, { token, params: { id } });

describe("GET /api/v1/audit", () => {
  it("shows a user's role changes, blocks and unblocks, newest first, with who and before/after", async () => {
    const manager = await userWithToken("manager", "Auditing Manager");
    const target = await userWithToken("client");
    const id = target.user.id;
    await call(userItem.PATCH, "PATCH", `/api/v1/users/${id}`, {
      token: manager.token,
      params: { id },
      body: { role: "admin" },
    });
    await post(block, manager.token, id);
    await post(unblock, manager.token, id);
    const res = await read(manager.token, `entity=user&id=${id}`);
    expect(res.status).toBe(200);
    const actor = { id: manager.user.id, name: "Auditing Manager", email: manager.user.email };
    expect(res.json.items).toEqual([
      expect.objectContaining({ action: "user.unblock", before: { blocked: true }, after: { blocked: false }, actor }),
      expect.objectContaining({ action: "user.block", before: { blocked: false }, after: { blocked: true }, actor }),
      expect.objectContaining({ action: "user.role", before: { role: "client" }, after: { role: "admin" }, actor }),
    ]);
    for (const item of res.json.items) {
      expect(item).toMatchObject({ id: expect.any(String), entity: "user", entityId: id });
      expect(Number.isNaN(Date.parse(item.at))).toBe(false);
    }
    // Pages of the same order.
    const second = await read(manager.token, `entity=user&id=${id}&limit=1&offset=1`);
    expect(second.json.items.map((i: { action: string }) => i.action)).toEqual(["user.block"]);
  });

  it("filters by entity alone and refuses an id without its entity", async () => {
    const manager = await userWithToken("manager");
    const target = await userWithToken("admin");
    await post(block, manager.token, target.user.id);
    const users = await read(manager.token, "entity=user&limit=200");
    expect(users.json.items.length).toBeGreaterThan(0);
    expect(users.json.items.every((i: { entity: string }) => i.entity === "user")).toBe(true);
    expect((await read(manager.token, "entity=shift")).json.items).toEqual([]);
    const bad = await read(manager.token, `id=${target.user.id}`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.issues).toEqual([{ path: "entity", message: "Give the entity whose id this is." }]);
    expect((await read(manager.token, "entity=User;drop")).status).toBe(400);
    expect((await read(manager.token, "limit=201")).status).toBe(400);
  });
});
