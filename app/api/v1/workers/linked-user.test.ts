// Worker.userId (API.md v1 extensions "Roles"): a manager links a worker record to a user account of
// role `worker` with PATCH /workers/{ref} { userId }; staff read it, nobody else sees the field.
import { describe, expect, it } from "vitest";
import * as userList from "@/app/api/v1/users/route";
import * as workerItem from "@/app/api/v1/workers/[ref]/route";
import * as workerList from "@/app/api/v1/workers/route";
import { makeWorker, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";

const patch = (token: string | undefined, ref: string, body: unknown) =>
  call(workerItem.PATCH, "PATCH", `/api/v1/workers/${ref}`, { token, params: { ref }, body });
const read = (token: string | undefined, ref: string) =>
  call(workerItem.GET, "GET", `/api/v1/workers/${ref}`, { token, params: { ref } });

describe("PATCH /workers/{ref} { userId }", () => {
  it("links an account of role worker; staff read the link, clients and anonymous callers do not see the field", async () => {
    const [manager, admin, client, specialist] = await Promise.all([
      userWithToken("manager"),
      userWithToken("admin"),
      userWithToken("client"),
      userWithToken("worker"),
    ]);
    const worker = await makeWorker();
    const linked = await patch(manager.token, worker.slug, { userId: specialist.user.id });
    expect(linked.status).toBe(200);
    expect(linked.json.userId).toBe(specialist.user.id);
    expect((await read(admin.token, worker.slug)).json.userId).toBe(specialist.user.id);
    const listed = await call(workerList.GET, "GET", "/api/v1/workers?limit=200", { token: admin.token });
    expect(listed.json.items.find((w: { id: string }) => w.id === worker.id).userId).toBe(specialist.user.id);
    for (const token of [undefined, client.token, specialist.token]) {
      const seen = await read(token, worker.slug);
      expect(seen.status).toBe(200);
      expect(seen.json).not.toHaveProperty("userId");
    }
    const unlinked = await patch(manager.token, worker.id, { userId: null });
    expect(unlinked.json.userId).toBeNull();
  });

  it("refuses an account that is missing or not a worker (400 on userId), one linked elsewhere (409), and non-managers (403)", async () => {
    const [manager, admin, specialist] = await Promise.all([
      userWithToken("manager"),
      userWithToken("admin"),
      userWithToken("worker"),
    ]);
    const [first, second] = await Promise.all([makeWorker(), makeWorker()]);
    const missing = await patch(manager.token, first.slug, { userId: crypto.randomUUID() });
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe("validation_failed");
    expect(missing.json.error.details.issues[0].path).toBe("userId");
    const wrongRole = await patch(manager.token, first.slug, { userId: admin.user.id });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.json.error.details.issues[0]).toMatchObject({ path: "userId" });
    const bad = await patch(manager.token, first.slug, { userId: "someone" });
    expect(bad.status).toBe(400);
    expect((await patch(manager.token, first.slug, { userId: specialist.user.id })).status).toBe(200);
    const taken = await patch(manager.token, second.slug, { userId: specialist.user.id });
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ code: "already_exists", details: { field: "userId" } });
    expect((await patch(manager.token, first.slug, { userId: specialist.user.id })).status).toBe(200);
    expect((await patch(admin.token, second.slug, { userId: specialist.user.id })).status).toBe(403);
    expect((await patch(specialist.token, first.slug, { userId: null })).status).toBe(403);
  });

  it("POST /users creates a worker account", async () => {
    const manager = await userWithToken("manager");
    const res = await call(userList.POST, "POST", "/api/v1/users", {
      token: manager.token,
      body: {
        email: `specialist-${Date.now()}@example.test`,
        password: "a long passphrase",
        name: "Ada",
        role: "worker",
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.role).toBe("worker");
  });
});
