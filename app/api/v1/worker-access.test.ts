// What a `worker` may do (API.md v1 extensions "Roles"): what a client may, and besides, with their
// own worker record's appointments: list and read them, mark them completed or no-show once they
// have started, annotate them; add and delete their own time off. Nothing else of other workers,
// nothing of the booking desk's. Every endpoint below is called by each kind of caller in a fresh
// scene of their own, and the table of statuses compared whole.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as clientList from "@/app/api/v1/clients/route";
import * as stats from "@/app/api/v1/stats/appointments-per-day/route";
import * as timeOffItem from "@/app/api/v1/time-off/[id]/route";
import * as userList from "@/app/api/v1/users/route";
import * as feed from "@/app/api/v1/workers/[ref]/calendar.ics/route";
import * as workerItem from "@/app/api/v1/workers/[ref]/route";
import * as timeOffList from "@/app/api/v1/workers/[ref]/time-off/route";
import { getDb } from "@/db/client";
import { users, workers } from "@/db/schema";
import { appointmentsApi as api, bookingScene } from "@/testing/booking";
import { makeAppointment, makeClient, makeTimeOff, makeWorker, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const CALLERS = [
  "anonymous",
  "client",
  "worker",
  "worker without a record",
  "another worker",
  "blocked worker",
  "admin",
  "manager",
] as const;
type CallerKind = (typeof CALLERS)[number];

const ENDPOINTS = [
  "GET /appointments",
  "GET mine",
  "GET foreign",
  "PATCH mine status completed (started)",
  "PATCH mine status no_show (not started)",
  "PATCH mine status booked",
  "PATCH mine notes",
  "PATCH mine start",
  "PATCH foreign notes",
  "POST mine/cancel",
  "POST foreign/cancel",
  "POST /workers/mine/time-off",
  "POST /workers/mine/time-off cancelling",
  "POST /workers/foreign/time-off",
  "DELETE mine time off",
  "DELETE foreign time off",
  "PATCH /workers/mine",
  "GET /workers/mine/calendar.ics",
  "GET /clients",
  "POST /users",
  "GET /stats/appointments-per-day",
] as const;
type Endpoint = (typeof ENDPOINTS)[number];

let n = 0;

/** A scene with "my" worker record, another one, their appointments and time off, and the caller. */
async function world(kind: CallerKind) {
  const s = await bookingScene();
  const db = await getDb();
  const other = await makeWorker({ locationId: s.location.id }, [s.service.id]);
  const me = await userWithToken("worker", "Worker Me");
  const them = await userWithToken("worker", "Worker Them");
  await db.update(workers).set({ userId: me.user.id }).where(eq(workers.id, s.worker.id));
  await db.update(workers).set({ userId: them.user.id }).where(eq(workers.id, other.id));
  const visitor = await makeClient("Visitor");
  const now = Date.now();
  const appointment = (workerId: string, start: number) =>
    makeAppointment({
      locationId: s.location.id,
      workerId,
      serviceId: s.service.id,
      clientId: visitor.id,
      startAt: new Date(start),
      endAt: new Date(start + 30 * MINUTE),
    });
  const at = (minutes: number) => s.shiftStart.getTime() + minutes * MINUTE;
  const [mine, mineLater, mineToCancel, mineToMove, foreign] = await Promise.all([
    appointment(s.worker.id, now - 3 * HOUR),
    appointment(s.worker.id, at(0)),
    appointment(s.worker.id, at(60)),
    appointment(s.worker.id, at(120)),
    appointment(other.id, now - 5 * HOUR),
  ]);
  const [myTimeOff, theirTimeOff] = await Promise.all([
    makeTimeOff(s.worker.id, new Date(now + 4 * DAY), new Date(now + 4 * DAY + HOUR)),
    makeTimeOff(other.id, new Date(now + 4 * DAY), new Date(now + 4 * DAY + HOUR)),
  ]);
  let token: string | undefined;
  if (kind === "worker") token = me.token;
  else if (kind === "another worker") token = them.token;
  else if (kind === "worker without a record") token = (await userWithToken("worker")).token;
  else if (kind === "blocked worker") {
    token = me.token;
    await db.update(users).set({ blocked: true }).where(eq(users.id, me.user.id));
  } else if (kind === "client") token = s.client.token;
  else if (kind === "admin") token = s.admin.token;
  else if (kind === "manager") token = s.manager.token;
  return { s, other, token, mine, mineLater, mineToCancel, mineToMove, foreign, myTimeOff, theirTimeOff, at };
}

async function statuses(kind: CallerKind): Promise<Record<Endpoint, number>> {
  const w = await world(kind);
  const t = w.token;
  const mineRef = { ref: w.s.worker.slug };
  const otherRef = { ref: w.other.slug };
  const day = (k: number) => new Date(Date.now() + (5 + k) * DAY);
  const timeOffBody = (k: number, extra = {}) => ({
    start: day(k).toISOString(),
    end: new Date(day(k).getTime() + HOUR).toISOString(),
    ...extra,
  });
  const run: Record<Endpoint, () => Promise<{ status: number }>> = {
    "GET /appointments": () => api.list(t),
    "GET mine": () => api.get(t, w.mine.id),
    "GET foreign": () => api.get(t, w.foreign.id),
    "PATCH mine status completed (started)": () => api.patch(t, w.mine.id, { status: "completed" }),
    "PATCH mine status no_show (not started)": () => api.patch(t, w.mineLater.id, { status: "no_show" }),
    "PATCH mine status booked": () => api.patch(t, w.mine.id, { status: "booked" }),
    "PATCH mine notes": () => api.patch(t, w.mine.id, { notes: "Bring the X-ray" }),
    "PATCH mine start": () => api.patch(t, w.mineToMove.id, { start: new Date(w.at(180)).toISOString() }),
    "PATCH foreign notes": () => api.patch(t, w.foreign.id, { notes: "not mine" }),
    "POST mine/cancel": () => api.cancel(t, w.mineToCancel.id),
    "POST foreign/cancel": () => api.cancel(t, w.foreign.id),
    "POST /workers/mine/time-off": () =>
      call(timeOffList.POST, "POST", `/api/v1/workers/${mineRef.ref}/time-off`, {
        token: t,
        params: mineRef,
        body: timeOffBody(++n),
      }),
    "POST /workers/mine/time-off cancelling": () =>
      call(timeOffList.POST, "POST", `/api/v1/workers/${mineRef.ref}/time-off`, {
        token: t,
        params: mineRef,
        body: timeOffBody(++n, { cancelAppointments: true }),
      }),
    "POST /workers/foreign/time-off": () =>
      call(timeOffList.POST, "POST", `/api/v1/workers/${otherRef.ref}/time-off`, {
        token: t,
        params: otherRef,
        body: timeOffBody(++n),
      }),
    "DELETE mine time off": () =>
      call(timeOffItem.DELETE, "DELETE", `/api/v1/time-off/${w.myTimeOff.id}`, {
        token: t,
        params: { id: w.myTimeOff.id },
      }),
    "DELETE foreign time off": () =>
      call(timeOffItem.DELETE, "DELETE", `/api/v1/time-off/${w.theirTimeOff.id}`, {
        token: t,
        params: { id: w.theirTimeOff.id },
      }),
    "PATCH /workers/mine": () =>
      call(workerItem.PATCH, "PATCH", `/api/v1/workers/${mineRef.ref}`, {
        token: t,
        params: mineRef,
        body: { bio: "Edited" },
      }),
    "GET /workers/mine/calendar.ics": () =>
      call(feed.GET, "GET", `/api/v1/workers/${mineRef.ref}/calendar.ics`, { token: t, params: mineRef }),
    "GET /clients": () => call(clientList.GET, "GET", "/api/v1/clients", { token: t }),
    "POST /users": () =>
      call(userList.POST, "POST", "/api/v1/users", {
        token: t,
        body: {
          email: `w-${++n}-${Date.now()}@example.test`,
          password: "worker passphrase",
          name: "W",
          role: "worker",
        },
      }),
    "GET /stats/appointments-per-day": () =>
      call(stats.GET, "GET", "/api/v1/stats/appointments-per-day?from=2026-03-01&to=2026-03-31", { token: t }),
  };
  const result = {} as Record<Endpoint, number>;
  for (const endpoint of ENDPOINTS) result[endpoint] = (await run[endpoint]()).status;
  return result;
}

const every = (status: number) => Object.fromEntries(ENDPOINTS.map((e) => [e, status])) as Record<Endpoint, number>;

/** A client, and a worker whose account is linked to no record or to another one: none of it is theirs. */
const OUTSIDER: Record<Endpoint, number> = {
  ...every(404),
  "GET /appointments": 200,
  "POST /workers/mine/time-off": 403,
  "POST /workers/mine/time-off cancelling": 403,
  "POST /workers/foreign/time-off": 403,
  "DELETE mine time off": 403,
  "DELETE foreign time off": 403,
  "PATCH /workers/mine": 403,
  "GET /workers/mine/calendar.ics": 403,
  "GET /clients": 403,
  "POST /users": 403,
  "GET /stats/appointments-per-day": 403,
};

const WORKER: Record<Endpoint, number> = {
  ...OUTSIDER,
  "GET mine": 200,
  "PATCH mine status completed (started)": 200,
  "PATCH mine status no_show (not started)": 409,
  "PATCH mine status booked": 403,
  "PATCH mine notes": 200,
  "PATCH mine start": 403,
  "POST mine/cancel": 403,
  "POST /workers/mine/time-off": 201,
  "DELETE mine time off": 204,
};

const ADMIN: Record<Endpoint, number> = {
  ...every(200),
  "POST /workers/mine/time-off": 403,
  "POST /workers/mine/time-off cancelling": 403,
  "POST /workers/foreign/time-off": 403,
  "DELETE mine time off": 403,
  "DELETE foreign time off": 403,
  "PATCH /workers/mine": 403,
  "POST /users": 403,
};

const MANAGER: Record<Endpoint, number> = {
  ...every(200),
  "POST /workers/mine/time-off": 201,
  "POST /workers/mine/time-off cancelling": 201,
  "POST /workers/foreign/time-off": 201,
  "DELETE mine time off": 204,
  "DELETE foreign time off": 204,
  "POST /users": 201,
};

const EXPECTED: Record<CallerKind, Record<Endpoint, number>> = {
  anonymous: every(401),
  client: OUTSIDER,
  worker: WORKER,
  "worker without a record": OUTSIDER,
  // The other worker's appointment and time off are theirs (the table calls them "foreign").
  "another worker": {
    ...OUTSIDER,
    "GET foreign": 200,
    "PATCH foreign notes": 200,
    "POST foreign/cancel": 403,
    "POST /workers/foreign/time-off": 201,
    "DELETE foreign time off": 204,
  },
  "blocked worker": every(403),
  admin: ADMIN,
  manager: MANAGER,
};

describe("the worker role: role × endpoint", () => {
  for (const kind of CALLERS) {
    it(kind, async () => {
      expect(await statuses(kind)).toEqual(EXPECTED[kind]);
    });
  }

  it("a worker lists their own worker's appointments only, with the client's name and phone; another workerId is empty", async () => {
    const w = await world("worker");
    const items = (await api.list(w.token, "limit=200")).json.items as { id: string; client: { name: string } }[];
    expect(items.map((a) => a.id).sort()).toEqual(
      [w.mine.id, w.mineLater.id, w.mineToCancel.id, w.mineToMove.id].sort(),
    );
    expect(items[0]?.client.name).toBe("Visitor");
    expect((await api.list(w.token, `workerId=${w.other.slug}`)).json.items).toEqual([]);
    const own = (await api.list(w.token, `workerId=${w.s.worker.slug}&status=booked`)).json.items;
    expect(own).toHaveLength(4);
  });

  it("marking before the start answers 409 not_available, reason not_started, and changes nothing", async () => {
    const w = await world("worker");
    const res = await api.patch(w.token, w.mineLater.id, { status: "completed" });
    expect(res.json.error).toMatchObject({ code: "not_available", details: { reason: "not_started" } });
    expect((await api.get(w.token, w.mineLater.id)).json.status).toBe("booked");
  });
});
