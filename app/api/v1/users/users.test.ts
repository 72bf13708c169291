import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { GET as me } from "@/app/api/v1/me/route";
import { getDb } from "@/db/client";
import { findClientOfUser } from "@/db/queries/clients";
import { auditLog, clients } from "@/db/schema";
import { issuePaths } from "@/testing/catalog";
import { makeClient, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import * as block from "./[id]/block/route";
import * as item from "./[id]/route";
import * as unblock from "./[id]/unblock/route";
import * as collection from "./route";

const as = (token: string) => {
  const at = (id: string, suffix = "") => [`/api/v1/users/${id}${suffix}`, { token, params: { id } }] as const;
  return {
    list: (query = "") => call(collection.GET, "GET", `/api/v1/users?limit=200&${query}`, { token }),
    create: (body: unknown) => call(collection.POST, "POST", "/api/v1/users", { token, body }),
    get: (id: string) => call(item.GET, "GET", ...at(id)),
    patch: (id: string, body: unknown) => call(item.PATCH, "PATCH", at(id)[0], { ...at(id)[1], body }),
    block: (id: string) => call(block.POST, "POST", ...at(id, "/block")),
    unblock: (id: string) => call(unblock.POST, "POST", ...at(id, "/unblock")),
  };
};

const auditOf = async (id: string) =>
  (await getDb())
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "user"), eq(auditLog.entityId, id)))
    .orderBy(auditLog.id);

describe("/api/v1/users", () => {
  it("creates staff and clients, answering the User shape without secrets", async () => {
    const manager = await userWithToken("manager");
    const res = await as(manager.token).create({
      email: "New.Admin@Example.test",
      password: "admin passphrase",
      name: "New Admin",
      role: "admin",
      gender: "other",
      birthDate: "1985-02-03",
      phone: "+1 555 0100",
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      email: "new.admin@example.test",
      name: "New Admin",
      role: "admin",
      gender: "other",
      birthDate: "1985-02-03",
      phone: "+1 555 0100",
      blocked: false,
    });
    // The new account signs in with the password it was given.
    const signIn = await call(token, "POST", "/api/v1/auth/token", {
      body: { email: "new.admin@example.test", password: "admin passphrase" },
    });
    expect(signIn.json.user).toMatchObject({ id: res.json.id, role: "admin" });
    expect(await auditOf(res.json.id)).toMatchObject([{ action: "user.create", actorId: manager.user.id }]);
    expect((await as(manager.token).create({ ...res.json, password: "another one" })).json.error).toMatchObject({
      code: "already_exists",
      details: { field: "email" },
    });
  });

  it("a client account made by a manager gets its own record, not the desk's with its email", async () => {
    const manager = await userWithToken("manager");
    const desk = await makeClient("Walk-in");
    const db = await getDb();
    await db.update(clients).set({ email: "walkin-user@example.test" }).where(eq(clients.id, desk.id));
    const res = await as(manager.token).create({
      email: "walkin-user@example.test",
      password: "client passphrase",
      name: "Walk In",
      role: "client",
    });
    const own = await findClientOfUser(db, res.json.id);
    expect(own).toMatchObject({ name: "Walk In", email: "walkin-user@example.test" });
    expect(own?.id).not.toBe(desk.id);
    const [deskNow] = await db.select().from(clients).where(eq(clients.id, desk.id));
    expect(deskNow?.userId).toBeNull();
  });

  it("validates bodies and queries, and refuses fields PATCH does not change", async () => {
    const manager = await as((await userWithToken("manager")).token);
    expect(issuePaths(await manager.create({ email: "x", password: "short", name: "", role: "boss" }))).toEqual([
      "email",
      "name",
      "password",
      "role",
    ]);
    const { user } = await userWithToken("client");
    expect((await manager.patch(user.id, { email: "other@example.test" })).status).toBe(400);
    expect((await manager.patch(user.id, { blocked: true })).status).toBe(400);
    expect(issuePaths(await manager.patch(user.id, { birthDate: "2001-02-30", gender: "f" }))).toEqual([
      "birthDate",
      "gender",
    ]);
    expect(issuePaths(await manager.list("role=owner&blocked=maybe"))).toEqual(["blocked", "role"]);
    expect((await manager.get(user.id)).json.blocked).toBe(false);
  });

  it("lists by name with q, role and blocked filters", async () => {
    const manager = await as((await userWithToken("manager")).token);
    const zed = await userWithToken("admin", "Zed Листов");
    await userWithToken("client", "Zed Client");
    await manager.block(zed.user.id);
    const names = async (query: string) => (await manager.list(query)).json.items.map((u: { name: string }) => u.name);
    expect(await names("q=zed")).toEqual(["Zed Client", "Zed Листов"]);
    expect(await names("q=ЛИСТОВ")).toEqual(["Zed Листов"]);
    expect(await names("q=zed&role=admin")).toEqual(["Zed Листов"]);
    expect(await names("q=zed&blocked=false")).toEqual(["Zed Client"]);
    expect(await names(`q=${encodeURIComponent(zed.user.email)}`)).toEqual(["Zed Листов"]);
  });

  it("changes profile and role; the role applies to the user's next request and is audited", async () => {
    const manager = await userWithToken("manager");
    const target = await userWithToken("client");
    const res = await as(manager.token).patch(target.user.id, {
      name: "Promoted",
      phone: "+7 900 000-00-01",
      gender: "female",
      birthDate: "2000-01-31",
      role: "admin",
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: "Promoted", role: "admin", gender: "female", birthDate: "2000-01-31" });
    expect((await call(me, "GET", "/api/v1/me", { token: target.token })).json.role).toBe("admin");
    expect((await as(manager.token).patch(target.user.id, { phone: null })).json.phone).toBeNull();
    expect(await auditOf(target.user.id)).toMatchObject([
      { action: "user.role", actorId: manager.user.id, before: { role: "client" }, after: { role: "admin" } },
    ]);
  });

  it("blocking answers 403 account_blocked to the user's very next request and to sign-in; unblocking restores sign-in", async () => {
    const manager = await userWithToken("manager");
    const email = `blockme-${Date.now()}@example.test`;
    const made = await as(manager.token).create({ email, password: "block me please", name: "B", role: "client" });
    const signIn = () => call(token, "POST", "/api/v1/auth/token", { body: { email, password: "block me please" } });
    const oldToken = (await signIn()).json.accessToken;
    const blocked = await as(manager.token).block(made.json.id);
    expect(blocked.status).toBe(200);
    expect(blocked.json).toMatchObject({ id: made.json.id, blocked: true });
    expect((await call(me, "GET", "/api/v1/me", { token: oldToken })).json.error.code).toBe("account_blocked");
    expect((await signIn()).json.error.code).toBe("account_blocked");
    // Blocking twice changes nothing and writes no second audit row.
    expect((await as(manager.token).block(made.json.id)).json.blocked).toBe(true);
    const unblocked = await as(manager.token).unblock(made.json.id);
    expect(unblocked.json).toMatchObject({ blocked: false });
    // The token held while blocked stays revoked; signing in again works.
    expect((await call(me, "GET", "/api/v1/me", { token: oldToken })).status).toBe(401);
    const fresh = (await signIn()).json.accessToken;
    expect((await call(me, "GET", "/api/v1/me", { token: fresh })).status).toBe(200);
    expect((await auditOf(made.json.id)).map((a) => [a.action, a.before, a.after])).toEqual([
      ["user.create", null, { email, role: "client" }],
      ["user.block", { blocked: false }, { blocked: true }],
      ["user.unblock", { blocked: true }, { blocked: false }],
    ]);
  });

  it("answers 404 for an unknown user on every endpoint", async () => {
    const manager = as((await userWithToken("manager")).token);
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const res of [
      await manager.get(unknown),
      await manager.patch(unknown, { name: "x" }),
      await manager.block(unknown),
      await manager.unblock(unknown),
    ]) {
      expect(res.status).toBe(404);
    }
  });

  describe.runIf(Boolean(process.env.DATABASE_URL))("concurrently (PostgreSQL)", () => {
    it("five managers creating one email at once: one account, four 409 already_exists", async () => {
      const manager = as((await userWithToken("manager")).token);
      const body = { email: `race-${Date.now()}@example.test`, password: "race passphrase", name: "R", role: "client" };
      const results = await Promise.all(Array.from({ length: 5 }, () => manager.create(body)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      for (const res of results.filter((r) => r.status === 409)) {
        expect(res.json.error).toMatchObject({ code: "already_exists", details: { field: "email" } });
      }
      expect((await manager.list(`q=${encodeURIComponent(body.email)}`)).json.items).toHaveLength(1);
    });
  });
});
