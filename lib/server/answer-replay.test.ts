// Signed-out API reads sent again by our HTTP server without the route: on a real socket, with the
// real route handlers behind it (in place of Next.js's router, whose own part the e2e suite runs) and
// what they were computed from read on the test's real database.
import { get, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as businessRoute from "@/app/api/v1/business/route";
import * as workerRoute from "@/app/api/v1/workers/[ref]/route";
import * as slotsRoute from "@/app/api/v1/workers/[ref]/slots/route";
import * as workersRoute from "@/app/api/v1/workers/route";
import { getDb } from "@/db/client";
import { workers } from "@/db/schema/catalog";
import { keptAnswers } from "@/lib/api/kept-answers";
import { appointmentsApi, bookingScene } from "@/testing/booking";
import { call } from "@/testing/http";
import { AnswerReplay, acceptsGzip, appAnswerReplay, stillCurrent } from "./answer-replay";
import { parseTrustProxy } from "./client-address";
import { createAppServer, listen, stopServer } from "./http-server";

const servers: Server[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((s) => stopServer(s, 100)));
});

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: [RegExp, Handler][] = [
  [/^\/api\/v1\/workers$/, workersRoute.GET],
  [/^\/api\/v1\/workers\/([^/]+)$/, workerRoute.GET],
  [/^\/api\/v1\/workers\/([^/]+)\/slots$/, slotsRoute.GET],
];

/** The routes as Next.js would run them, counting how often one ran. */
function routeCounter() {
  let runs = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    runs++;
    const url = new URL(req.url ?? "/", "http://localhost:3000");
    const found = routes.map(([pattern, handler]) => ({ handler, m: pattern.exec(url.pathname) })).find((r) => r.m);
    if (!found?.m) return void res.writeHead(404).end();
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const params: Record<string, string> = found.m[1] ? { ref: decodeURIComponent(found.m[1]) } : {};
    const answer = await found.handler(new NextRequest(url, { method: req.method, headers }), {
      params: Promise.resolve(params),
    });
    answer.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    res.writeHead(answer.status).end(Buffer.from(await answer.arrayBuffer()));
  };
  return { handle, runs: () => runs };
}

async function start(replay?: AnswerReplay) {
  const routesRun = routeCounter();
  const server = createAppServer({
    handle: routesRun.handle,
    trustProxy: parseTrustProxy(undefined),
    timeouts: { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000 },
    answers: replay ?? (await appAnswerReplay()),
  });
  servers.push(server);
  await listen(server, 0, "127.0.0.1");
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const get = async (path: string, headers: Record<string, string> = {}, method = "GET") => {
    const res = await fetch(base + path, { method, headers });
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  return { get, runs: routesRun.runs };
}

/** A scene with a worker's free slots, and the path of their slots for the scene's service. */
async function slotsScene() {
  const scene = await bookingScene();
  return { ...scene, path: `/api/v1/workers/${scene.worker.slug}/slots?service=${scene.service.slug}` };
}

describe("a signed-out slots read", () => {
  it("is sent again without the route: the same status, body and headers, with its own request id and log line", async () => {
    const app = await start();
    const { path } = await slotsScene();
    const first = await app.get(path);
    expect(first.status).toBe(200);
    // The first answer is computed, the second remembered and kept; from then on it is sent again.
    await app.get(path);
    expect(app.runs()).toBe(2);
    // The suite logs errors only; this test reads the info line of each request.
    vi.stubEnv("LOG_LEVEL", "info");
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, "write").mockImplementation((chunk, ...rest) => {
      lines.push(String(chunk));
      return write(chunk, ...(rest as []));
    });
    const again = await app.get(path, { "x-request-id": "caller-chosen-1" });
    expect(app.runs()).toBe(2);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(JSON.parse(again.text).slots.length).toBeGreaterThan(10);
    expect(again.headers.get("content-type")).toBe("application/json");
    expect(again.headers.get("cache-control")).toBe("no-store");
    expect(again.headers.get("vary")).toBe("Origin, Accept-Encoding");
    expect(again.headers.get("x-request-id")).toBe("caller-chosen-1");
    // Our own headers are still on it.
    expect(again.headers.get("x-content-type-options")).toBe("nosniff");
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.requestId === "caller-chosen-1");
    expect(logged).toMatchObject({ msg: "request", method: "GET", path: path.split("?")[0], status: 200 });
    const other = await app.get(path);
    expect(other.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(other.headers.get("x-request-id")).not.toBe("caller-chosen-1");
  });

  it("shows a booking, its cancellation and a catalog change at once", async () => {
    const app = await start();
    const scene = await slotsScene();
    const starts = async () =>
      JSON.parse((await app.get(scene.path)).text).slots.map((s: { start: string }) => s.start);
    const before: string[] = await starts();
    await starts();
    expect(await starts()).toEqual(before);
    const runs = app.runs();

    const booked = await appointmentsApi.create(scene.client.token, scene.slot(0));
    expect(booked.status).toBe(201);
    const taken = await starts();
    expect(app.runs()).toBe(runs + 1);
    expect(taken).not.toContain(before[0]);

    expect((await appointmentsApi.cancel(scene.client.token, booked.json.id)).status).toBe(200);
    expect(await starts()).toEqual(before);

    const db = await getDb();
    await db.update(workers).set({ active: false }).where(eq(workers.id, scene.worker.id));
    const gone = await app.get(scene.path);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.text).error.code).toBe("not_found");
  });

  it("is not sent again once time may have changed it", async () => {
    // The real clock until the test moves it.
    const clock: { ms: number | null } = { ms: null };
    const app = await start(await appAnswerReplay({ now: () => clock.ms ?? Date.now() }));
    const { path } = await slotsScene();
    await app.get(path);
    await app.get(path);
    await app.get(path);
    expect(app.runs()).toBe(2);
    const [kept] = [...keptAnswers(await getDb()).entries.values()];
    clock.ms = (kept?.until ?? 0) - 1;
    await app.get(path);
    expect(app.runs()).toBe(2);
    clock.ms = kept?.until ?? 0;
    await app.get(path);
    expect(app.runs()).toBe(3);
  });

  it("is kept only until the business's notice passes its first offered start, and a policy change drops it", async () => {
    const app = await start();
    const scene = await slotsScene();
    const noticed = await call(businessRoute.PATCH, "PATCH", "/api/v1/business", {
      token: scene.manager.token,
      // The shift starts one to two hours from now: this notice always passes its first slots.
      body: { policy: { minNoticeMinutes: 150 } },
    });
    expect(noticed.status).toBe(200);
    await app.get(scene.path);
    const kept = await app.get(scene.path);
    const first = Date.parse(JSON.parse(kept.text).slots[0].start);
    const entry = keptAnswers(await getDb()).entries.get(scene.path);
    expect(first).toBeGreaterThan(scene.shiftStart.getTime());
    expect(entry?.until).toBeLessThanOrEqual(first - 150 * 60_000 + 1);

    const runs = app.runs();
    const relaxed = await call(businessRoute.PATCH, "PATCH", "/api/v1/business", {
      token: scene.manager.token,
      body: { policy: { minNoticeMinutes: 0 } },
    });
    expect(relaxed.status).toBe(200);
    const now = JSON.parse((await app.get(scene.path)).text);
    expect(app.runs()).toBe(runs + 1);
    // Without the notice the shift's first slots come back.
    expect(Date.parse(now.slots[0].start)).toBe(scene.shiftStart.getTime());
  });

  it("is never sent to a caller with credentials, from another origin, or for another method", async () => {
    const app = await start();
    const scene = await slotsScene();
    await app.get(scene.path);
    await app.get(scene.path);
    let runs = app.runs();
    const others: Record<string, string>[] = [
      { authorization: `Bearer ${scene.client.token}` },
      { cookie: "next-auth.session-token=abc" },
      { origin: "https://elsewhere.example" },
    ];
    for (const headers of others) {
      await app.get(scene.path, headers);
      expect(app.runs(), JSON.stringify(headers)).toBe(++runs);
    }
    await app.get(scene.path, {}, "HEAD");
    expect(app.runs()).toBe(++runs);
    await app.get(scene.path);
    expect(app.runs()).toBe(runs);
  });

  it("spends the caller's budget first: with the budget spent the route answers", async () => {
    const spent: string[] = [];
    let allowed = true;
    const replay = new AnswerReplay({
      db: await getDb(),
      current: stillCurrent,
      spend: async (address) => {
        spent.push(address);
        return allowed;
      },
    });
    const app = await start(replay);
    const { path } = await slotsScene();
    await app.get(path);
    await app.get(path);
    await app.get(path);
    expect(app.runs()).toBe(2);
    expect(spent).toEqual(["127.0.0.1"]);
    allowed = false;
    await app.get(path);
    expect(app.runs()).toBe(3);
    expect(spent).toHaveLength(2);
  });

  it("goes on to the route when what it was computed from cannot be read", async () => {
    let failing = false;
    const replay = new AnswerReplay({
      db: await getDb(),
      current: async (db, validity) => {
        if (failing) throw new Error("connection refused");
        return stillCurrent(db, validity);
      },
      spend: async () => true,
    });
    const app = await start(replay);
    const { path } = await slotsScene();
    await app.get(path);
    await app.get(path);
    expect((await app.get(path)).status).toBe(200);
    expect(app.runs()).toBe(2);
    failing = true;
    expect((await app.get(path)).status).toBe(200);
    expect(app.runs()).toBe(3);
  });

  it("goes gzipped to a caller that accepts it", async () => {
    const app = await start();
    const { path } = await slotsScene();
    const plain = (await app.get(path)).text;
    await app.get(path);
    const address = servers[0]?.address();
    const port = typeof address === "object" && address ? address.port : 0;
    // fetch would ask for gzip and undo it: the bytes as sent, with and without Accept-Encoding.
    const raw = (headers: Record<string, string>) =>
      new Promise<{ headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
        get({ port, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
    const identity = await raw({});
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.toString()).toBe(plain);
    const zipped = await raw({ "accept-encoding": "br;q=0, gzip" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(gunzipSync(zipped.body).toString()).toBe(plain);
    expect(app.runs()).toBe(2);
  });
});

describe("a signed-out catalog read", () => {
  it("is sent again with its ETag, answers If-None-Match with 304, and shows a catalog change at once", async () => {
    const app = await start();
    const scene = await slotsScene();
    const path = `/api/v1/workers/${scene.worker.slug}`;
    const first = await app.get(path);
    expect(first.status).toBe(200);
    const again = await app.get(path);
    expect(app.runs()).toBe(1);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(again.headers.get("cache-control")).toBe("no-cache");
    expect(again.headers.get("vary")).toBe("Authorization, Cookie, Origin, Accept-Encoding");

    const unchanged = await app.get(path, { "if-none-match": first.headers.get("etag") ?? "" });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe("");
    expect(app.runs()).toBe(1);

    const db = await getDb();
    await db.update(workers).set({ name: "Renamed Worker" }).where(eq(workers.id, scene.worker.id));
    const renamed = await app.get(path);
    expect(app.runs()).toBe(2);
    expect(JSON.parse(renamed.text).name).toBe("Renamed Worker");
    expect((await app.get(path, { "if-none-match": first.headers.get("etag") ?? "" })).status).toBe(200);
  });

  it("a list is kept per URL as sent: another query is another answer", async () => {
    const app = await start();
    await bookingScene();
    await app.get("/api/v1/workers?limit=1");
    await app.get("/api/v1/workers?limit=1");
    expect(app.runs()).toBe(1);
    const two = JSON.parse((await app.get("/api/v1/workers?limit=2")).text);
    expect(app.runs()).toBe(2);
    expect(two.items.length).toBeGreaterThanOrEqual(1);
    const bad = await app.get("/api/v1/workers?limit=nope");
    expect(bad.status).toBe(400);
    expect((await app.get("/api/v1/workers?limit=nope")).status).toBe(400);
    expect(app.runs()).toBe(4);
  });
});

describe("Accept-Encoding", () => {
  it("takes gzip when named or by *, unless given q=0", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("br, deflate")).toBe(false);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("*;q=0, br")).toBe(false);
    expect(acceptsGzip("gzip;q=0.0, *")).toBe(false);
  });
});
