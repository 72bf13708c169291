// The role each operation of the OpenAPI description says it needs (`x-required-role`) is the one its
// handler enforces: anonymous callers get 401, the role just below 403, and the role itself gets past
// the door (whatever it then answers to a made-up id and an empty body).
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema/users";
import { apiRoutes } from "@/testing/api-routes";
import { userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { openApiDocument } from "./document";

const routes = await apiRoutes();
const paths = openApiDocument().paths ?? {};
let tokens: Record<Role, string>;

beforeAll(async () => {
  const entries = await Promise.all(ROLES.map(async (role) => [role, (await userWithToken(role)).token] as const));
  tokens = Object.fromEntries(entries) as Record<Role, string>;
});

describe("the role the description gives each operation", () => {
  for (const route of routes) {
    for (const [method, handler] of Object.entries(route.handlers)) {
      const op = (paths[route.path] as Record<string, { "x-required-role"?: string }> | undefined)?.[
        method.toLowerCase()
      ];
      const required = op?.["x-required-role"];
      it(`${method} ${route.path} (${required})`, async () => {
        const params = Object.fromEntries(route.params.map((p) => [p, crypto.randomUUID()]));
        const url = `/api/v1${route.path.replace(/\{(\w+)\}/g, (_, p) => params[p] ?? "")}`;
        const send = (token?: string) =>
          call(handler as never, method, url, {
            token,
            params,
            body: method === "GET" || method === "DELETE" ? undefined : {},
          });
        const anonymous = await send();
        if (required === "anyone") {
          expect([401, 403]).not.toContain(anonymous.status);
          return;
        }
        expect(ROLES).toContain(required);
        expect(anonymous.status).toBe(401);
        const rank = ROLES.indexOf(required as Role);
        if (rank > 0) expect((await send(tokens[ROLES[rank - 1] as Role])).status).toBe(403);
        expect([401, 403]).not.toContain((await send(tokens[required as Role])).status);
      });
    }
  }
});
