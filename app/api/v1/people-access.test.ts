// Who may call the people endpoints (API.md "Roles"): clients and stats are the desk's (admin+),
// users and the audit log the managers'. Every endpoint is called by each kind of caller, with the
// caller's own ids, another client's ids and ids that exist nowhere: anonymous callers get 401,
// roles below the endpoint's 403, a blocked account 403 account_blocked whatever its role, and
// allowed callers their answer, or 404 for an id that names nothing.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as linkUser from "@/app/api/v1/clients/[id]/link-user/route";
import * as clientItem from "@/app/api/v1/clients/[id]/route";
import * as clientList from "@/app/api/v1/clients/route";
import * as stats from "@/app/api/v1/stats/appointments-per-day/route";
import * as block from "@/app/api/v1/users/[id]/block/route";
import * as userItem from "@/app/api/v1/users/[id]/route";
import * as unblock from "@/app/api/v1/users/[id]/unblock/route";
import * as userList from "@/app/api/v1/users/route";
import { getDb } from "@/db/client";
import { type Role, users } from "@/db/schema";
import { ensureClientOfUser } from "@/lib/people/client-of-user";
import { makeClient, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";

const CALLERS = ["anonymous", "client", "another client", "admin", "manager", "blocked manager"] as const;
type CallerKind = (typeof CALLERS)[number];
type Person = { token?: string; userId?: string; clientId?: string };

/** A person with an account of `role` and their client record. */
async function person(role: Role): Promise<Required<Person>> {
  const { user, token } = await userWithToken(role);
  const client = await ensureClientOfUser(await getDb(), user.id);
  return { token, userId: user.id, clientId: client.id };
}

// A fresh caller for every call, so that what one call changes (a block, a deletion, a demotion)
// cannot leak into the next.
async function caller(kind: CallerKind): Promise<Person> {
  if (kind === "anonymous") return {};
  if (kind === "blocked manager") {
    const blocked = await person("manager");
    await (await getDb()).update(users).set({ blocked: true }).where(eq(users.id, blocked.userId));
    return blocked;
  }
  return person(kind === "another client" ? "client" : kind);
}

const MISSING = "00000000-0000-4000-8000-000000000000";
type Target = "own" | "foreign" | "missing";

type Answer = { status: number; json: { error?: { code: string } } | null };
/** What the table compares: the status, and the error code when there is one. */
const label = (res: Answer) => [res.status, res.json?.error?.code].filter(Boolean).join(" ");

type Endpoint = {
  name: string;
  least: Role;
  ok: number;
  send: (token: string | undefined, ids: { userId: string; clientId: string }) => Promise<Answer>;
};

const at = (path: string, id: string, token: string | undefined, body?: unknown) =>
  [`/api/v1/${path}`, { token, params: { id }, body }] as const;
let n = 0;

const collections: Endpoint[] = [
  {
    name: "GET /clients",
    least: "admin",
    ok: 200,
    send: (t) => call(clientList.GET, "GET", "/api/v1/clients?q=a", { token: t }),
  },
  {
    name: "POST /clients",
    least: "admin",
    ok: 201,
    send: (t) => call(clientList.POST, "POST", "/api/v1/clients", { token: t, body: { name: `Matrix ${++n}` } }),
  },
  {
    name: "GET /users",
    least: "manager",
    ok: 200,
    send: (t) => call(userList.GET, "GET", "/api/v1/users", { token: t }),
  },
  {
    name: "POST /users",
    least: "manager",
    ok: 201,
    send: (t) =>
      call(userList.POST, "POST", "/api/v1/users", {
        token: t,
        body: {
          email: `matrix-${++n}-${Date.now()}@example.test`,
          password: "matrix passphrase",
          name: "M",
          role: "admin",
        },
      }),
  },
  {
    name: "GET /stats/appointments-per-day",
    least: "admin",
    ok: 200,
    send: (t) =>
      call(stats.GET, "GET", "/api/v1/stats/appointments-per-day?from=2026-03-01&to=2026-03-31", { token: t }),
  },
  { name: "GET /audit", least: "manager", ok: 200, send: (t) => call(audit.GET, "GET", "/api/v1/audit", { token: t }) },
];

const items: Endpoint[] = [
  {
    name: "GET /clients/{id}",
    least: "admin",
    ok: 200,
    send: (t, ids) => call(clientItem.GET, "GET", ...at(`clients/${ids.clientId}`, ids.clientId, t)),
  },
  {
    name: "PATCH /clients/{id}",
    least: "admin",
    ok: 200,
    send: (t, ids) =>
      call(clientItem.PATCH, "PATCH", ...at(`clients/${ids.clientId}`, ids.clientId, t, { notes: "vip" })),
  },
  {
    name: "DELETE /clients/{id}",
    least: "admin",
    ok: 204,
    send: (t, ids) => call(clientItem.DELETE, "DELETE", ...at(`clients/${ids.clientId}`, ids.clientId, t)),
  },
  {
    name: "POST /clients/{id}/link-user",
    least: "admin",
    ok: 200,
    // A fresh desk record each time (the account's own record is already linked): linked to the target user.
    send: async (t, ids) => {
      const id = ids.clientId === MISSING ? MISSING : (await makeClient("Desk record")).id;
      return call(linkUser.POST, "POST", ...at(`clients/${id}/link-user`, id, t, { userId: ids.userId }));
    },
  },
  {
    name: "GET /users/{id}",
    least: "manager",
    ok: 200,
    send: (t, ids) => call(userItem.GET, "GET", ...at(`users/${ids.userId}`, ids.userId, t)),
  },
  {
    name: "PATCH /users/{id}",
    least: "manager",
    ok: 200,
    send: (t, ids) => call(userItem.PATCH, "PATCH", ...at(`users/${ids.userId}`, ids.userId, t, { name: "Renamed" })),
  },
  {
    name: "POST /users/{id}/block",
    least: "manager",
    ok: 200,
    send: (t, ids) => call(block.POST, "POST", ...at(`users/${ids.userId}/block`, ids.userId, t)),
  },
  {
    name: "POST /users/{id}/unblock",
    least: "manager",
    ok: 200,
    send: (t, ids) => call(unblock.POST, "POST", ...at(`users/${ids.userId}/unblock`, ids.userId, t)),
  },
];

const RANK: Record<Role, number> = { client: 1, worker: 2, admin: 3, manager: 4 };
const roleOf = (kind: CallerKind): Role | null =>
  kind === "anonymous" || kind === "blocked manager" ? null : kind === "another client" ? "client" : kind;

function expected(kind: CallerKind, endpoint: Endpoint, target: Target | null): string {
  if (kind === "anonymous") return "401 unauthenticated";
  if (kind === "blocked manager") return "403 account_blocked";
  const role = roleOf(kind);
  if (!role || RANK[role] < RANK[endpoint.least]) return "403 forbidden";
  return target === "missing" ? "404 not_found" : String(endpoint.ok);
}

async function idsFor(target: Target, me: Person) {
  if (target === "missing") return { userId: MISSING, clientId: MISSING };
  // An anonymous caller has no ids of their own; their "own" is someone else's too.
  if (target === "own" && me.userId && me.clientId) return { userId: me.userId, clientId: me.clientId };
  const other = await person("client");
  return { userId: other.userId, clientId: other.clientId };
}

describe("people endpoints: role × endpoint", () => {
  for (const endpoint of collections) {
    it(endpoint.name, async () => {
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const kind of CALLERS) {
        const me = await caller(kind);
        got[kind] = label(await endpoint.send(me.token, { userId: MISSING, clientId: MISSING }));
        want[kind] = expected(kind, endpoint, null);
      }
      expect(got).toEqual(want);
    });
  }

  for (const endpoint of items) {
    for (const target of ["own", "foreign", "missing"] as const) {
      it(`${endpoint.name} with ${target} ids`, async () => {
        const got: Record<string, string> = {};
        const want: Record<string, string> = {};
        for (const kind of CALLERS) {
          const me = await caller(kind);
          got[kind] = label(await endpoint.send(me.token, await idsFor(target, me)));
          want[kind] = expected(kind, endpoint, target);
        }
        expect(got).toEqual(want);
      });
    }
  }
});
