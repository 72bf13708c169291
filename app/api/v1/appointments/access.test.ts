// Who may call which appointment endpoint, with their own and someone else's ids: every role ×
// every endpoint. Someone else's appointment answers 404, exactly like one that does not exist.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as ics from "@/app/api/v1/appointments/[id]/ics/route";
import * as feed from "@/app/api/v1/workers/[ref]/calendar.ics/route";
import * as token from "@/app/api/v1/workers/[ref]/calendar-token/route";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { appointmentsApi as api, bookingScene } from "@/testing/booking";
import { userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";

type Scene = Awaited<ReturnType<typeof bookingScene>>;

const ENDPOINTS = [
  "POST /appointments",
  "GET /appointments",
  "GET own",
  "GET foreign",
  "GET missing",
  "PATCH own",
  "PATCH foreign",
  "GET own/ics",
  "GET foreign/ics",
  "POST foreign/cancel",
  "POST own/cancel",
  "GET calendar.ics",
  "GET calendar-token",
  "POST calendar-token",
] as const;
type Endpoint = (typeof ENDPOINTS)[number];

/** Calls every endpoint as `tok`; "own" is the first client's appointment, "foreign" the second's. */
async function statuses(s: Scene, tok: string | undefined, slot: number): Promise<Record<Endpoint, number>> {
  const own = (await api.create(s.client.token, s.slot(slot))).json.id as string;
  const foreign = (await api.create(s.otherClient.token, s.slot(slot + 30))).json.id as string;
  const ref = { ref: s.worker.slug };
  const body = { ...s.slot(slot + 60), client: { name: "Desk booking" } };
  const result = {} as Record<Endpoint, number>;
  const run: Record<Endpoint, () => Promise<{ status: number }>> = {
    "POST /appointments": () => api.create(tok, body),
    "GET /appointments": () => api.list(tok),
    "GET own": () => api.get(tok, own),
    "GET foreign": () => api.get(tok, foreign),
    "GET missing": () => api.get(tok, crypto.randomUUID()),
    "PATCH own": () => api.patch(tok, own, { notes: "changed" }),
    "PATCH foreign": () => api.patch(tok, foreign, { notes: "changed" }),
    "GET own/ics": () => call(ics.GET, "GET", `/api/v1/appointments/${own}/ics`, { token: tok, params: { id: own } }),
    "GET foreign/ics": () =>
      call(ics.GET, "GET", `/api/v1/appointments/${foreign}/ics`, { token: tok, params: { id: foreign } }),
    "POST foreign/cancel": () => api.cancel(tok, foreign),
    "POST own/cancel": () => api.cancel(tok, own),
    "GET calendar.ics": () =>
      call(feed.GET, "GET", `/api/v1/workers/${ref.ref}/calendar.ics`, { token: tok, params: ref }),
    "GET calendar-token": () =>
      call(token.GET, "GET", `/api/v1/workers/${ref.ref}/calendar-token`, { token: tok, params: ref }),
    "POST calendar-token": () =>
      call(token.POST, "POST", `/api/v1/workers/${ref.ref}/calendar-token`, { token: tok, params: ref }),
  };
  for (const endpoint of ENDPOINTS) result[endpoint] = (await run[endpoint]()).status;
  return result;
}

const every = (status: number) => Object.fromEntries(ENDPOINTS.map((e) => [e, status]));

const OWNER = {
  "POST /appointments": 201,
  "GET /appointments": 200,
  "GET own": 200,
  "GET foreign": 404,
  "GET missing": 404,
  "PATCH own": 200,
  "PATCH foreign": 404,
  "GET own/ics": 200,
  "GET foreign/ics": 404,
  "POST foreign/cancel": 404,
  "POST own/cancel": 200,
  "GET calendar.ics": 403,
  "GET calendar-token": 403,
  "POST calendar-token": 403,
};
const STAFF = { ...every(200), "POST /appointments": 201, "GET missing": 404 };

describe("appointment endpoints: role × endpoint", () => {
  let s: Scene;
  let blocked: string;
  beforeAll(async () => {
    s = await bookingScene();
    const user = await userWithToken("client");
    await (await getDb()).update(users).set({ blocked: true }).where(eq(users.id, user.user.id));
    blocked = user.token;
  });

  it("anonymous: 401 everywhere, except a booking, which is a guest's (this body has no email: 400)", async () => {
    expect(await statuses(s, undefined, 0)).toEqual({ ...every(401), "POST /appointments": 400 });
  });

  it("a blocked user: 403 everywhere", async () => {
    expect(await statuses(s, blocked, 0)).toEqual(every(403));
  });

  it("the owner client: their own appointment only; someone else's is 404", async () => {
    expect(await statuses(s, s.client.token, 90)).toEqual(OWNER);
  });

  it("another client: the first client's appointment is 404 to them", async () => {
    // Swapped roles: for the second client, "foreign" is their own and "own" is the first client's.
    const seen = await statuses(s, s.otherClient.token, 180);
    expect(seen).toEqual({
      ...OWNER,
      "GET own": 404,
      "GET foreign": 200,
      "PATCH own": 404,
      "PATCH foreign": 200,
      "GET own/ics": 404,
      "GET foreign/ics": 200,
      "POST foreign/cancel": 200,
      "POST own/cancel": 404,
    });
  });

  it("admin and manager: every appointment", async () => {
    expect(await statuses(s, s.admin.token, 270)).toEqual(STAFF);
    expect(await statuses(s, s.manager.token, 360)).toEqual(STAFF);
  });

  it("a client's list never shows another client's appointment", async () => {
    const items = (await api.list(s.client.token, "limit=200")).json.items as { client: { name: string } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((a) => a.client.name))).toEqual(new Set(["Client One"]));
  });
});
