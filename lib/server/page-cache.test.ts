// Signed-out pages sent again by our HTTP server while nothing they show has changed: on a real
// socket, with the pages fingerprint read from the test's real database, around a small renderer
// that counts its renders (Next.js's own rendering is exercised by the e2e suite, which runs with
// this cache on).
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import * as businessRoute from "@/app/api/v1/business/route";
import { getDb } from "@/db/client";
import { readPagesFingerprint } from "@/db/queries/schedule-versions";
import { services } from "@/db/schema/catalog";
import { appointmentsApi, bookingScene } from "@/testing/booking";
import { makeService, makeTimeOff } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { parseTrustProxy } from "./client-address";
import { createAppServer, listen, stopServer } from "./http-server";
import { PageCache, pageKey } from "./page-cache";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => stopServer(s, 100)));
});

type Render = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A page that says how many times it was rendered. */
const counted: Render = (req, res, n) => {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Vary", "rsc");
  res.write(`<p>render ${n} of ${req.url}</p>`);
  res.end("<p>end</p>");
};

async function start(render: Render = counted, clock = { ms: Date.UTC(2026, 5, 1, 9, 0, 10) }) {
  const db = await getDb();
  let renders = 0;
  const pages = new PageCache({ fingerprint: () => readPagesFingerprint(db), now: () => clock.ms });
  const server = createAppServer({
    handle: (req, res) => render(req, res, ++renders),
    trustProxy: parseTrustProxy(undefined),
    timeouts: { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000 },
    pages,
  });
  servers.push(server);
  await listen(server, 0, "127.0.0.1");
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url + path, { headers });
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  return { get, clock, pages, renders: () => renders };
}

describe("which requests may be answered from a kept page", () => {
  const request = (url: string, headers: Record<string, string> = {}, method = "GET") =>
    ({ url, method, headers }) as unknown as IncomingMessage;

  it("the home page and a worker's page, with any query, signed out", () => {
    expect(pageKey(request("/"))).not.toBeNull();
    expect(pageKey(request("/?q=anna&page=2"))).not.toBeNull();
    expect(pageKey(request("/workers/anna-smith?service=cut&date=2026-06-01"))).not.toBeNull();
  });

  it("nothing else: other paths, other methods, signed-in callers, Next.js's navigation requests", () => {
    for (const url of ["/book", "/workers", "/workers/a/b", "/rooms", "/api/v1/health", "/manage"]) {
      expect(pageKey(request(url)), url).toBeNull();
    }
    expect(pageKey(request("/", {}, "HEAD"))).toBeNull();
    expect(pageKey(request("/", {}, "POST"))).toBeNull();
    expect(pageKey(request("/", { cookie: "NEXT_LOCALE=ru; next-auth.session-token=x" }))).toBeNull();
    expect(pageKey(request("/", { cookie: "__Secure-next-auth.session-token=x" }))).toBeNull();
    expect(pageKey(request("/", { authorization: "Bearer x" }))).toBeNull();
    expect(pageKey(request("/", { rsc: "1" }))).toBeNull();
    expect(pageKey(request("/", { "next-router-prefetch": "1" }))).toBeNull();
    expect(pageKey(request("/", { "next-action": "abc" }))).toBeNull();
    expect(pageKey(request("/?_rsc=abc"))).toBeNull();
  });

  it("keys on everything a signed-out render reads: the URL, the host, the cookies, languages and encodings", () => {
    const base = pageKey(request("/", { host: "a.test" }));
    for (const other of [
      request("/?page=2", { host: "a.test" }),
      request("/", { host: "b.test" }),
      request("/", { host: "a.test", cookie: "NEXT_LOCALE=ru" }),
      request("/", { host: "a.test", "accept-language": "ru" }),
      request("/", { host: "a.test", "accept-encoding": "gzip" }),
    ]) {
      expect(pageKey(other)).not.toBe(base);
    }
  });
});

describe("a kept page", () => {
  it("is sent again, whole and with its headers, without rendering", async () => {
    const app = await start();
    const first = await app.get("/?q=a");
    const second = await app.get("/?q=a");
    expect(app.renders()).toBe(1);
    expect(second.text).toBe(first.text);
    expect(second.text).toBe("<p>render 1 of /?q=a</p><p>end</p>");
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(second.headers.get("vary")).toBe("rsc");
    // Our own headers are still on it.
    expect(second.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("is not sent for another request: another query, language or a signed-in caller", async () => {
    const app = await start();
    await app.get("/");
    expect((await app.get("/?page=2")).text).toContain("render 2");
    expect((await app.get("/", { cookie: "NEXT_LOCALE=ru" })).text).toContain("render 3");
    expect((await app.get("/", { cookie: "next-auth.session-token=abc" })).text).toContain("render 4");
    expect((await app.get("/", { cookie: "next-auth.session-token=abc" })).text).toContain("render 5");
    expect((await app.get("/", { rsc: "1" })).text).toContain("render 6");
    expect((await app.get("/")).text).toContain("render 1");
  });

  it("is rendered again in the next minute: the slots offered and today move with the clock", async () => {
    const app = await start();
    await app.get("/");
    app.clock.ms += 45_000; // 09:00:55, the same minute
    expect((await app.get("/")).text).toContain("render 1");
    app.clock.ms += 10_000; // 09:01:05
    expect((await app.get("/")).text).toContain("render 2");
    expect((await app.get("/")).text).toContain("render 2");
  });

  it("is rendered again after a booking, time off, a catalog change or a business profile change", async () => {
    const app = await start();
    const scene = await bookingScene();
    const view = async () => (await app.get(`/workers/${scene.worker.slug}`)).text;
    expect(await view()).toContain("render 1");
    expect(await view()).toContain("render 1");

    const booked = await appointmentsApi.create(scene.client.token, scene.slot(0));
    expect(booked.status).toBe(201);
    expect(await view()).toContain("render 2");

    const cancelled = await appointmentsApi.cancel(scene.client.token, booked.json.id);
    expect(cancelled.status).toBe(200);
    expect(await view()).toContain("render 3");

    await makeTimeOff(scene.worker.id, scene.shiftStart, new Date(scene.shiftStart.getTime() + 3_600_000));
    expect(await view()).toContain("render 4");

    const db = await getDb();
    await db.update(services).set({ price: 2500 }).where(eq(services.id, scene.service.id));
    expect(await view()).toContain("render 5");
    await makeService();
    expect(await view()).toContain("render 6");

    const renamed = await call(businessRoute.PATCH, "PATCH", "/api/v1/business", {
      token: scene.manager.token,
      body: { name: "Renamed salon" },
    });
    expect(renamed.status).toBe(200);
    expect(await view()).toContain("render 7");
    expect(await view()).toContain("render 7");
  });

  it("is never an answer that was not a whole 200 HTML page without cookies", async () => {
    const app = await start((req, res, n) => {
      if (req.url?.includes("missing")) res.statusCode = 404;
      if (req.url?.includes("cookie")) res.setHeader("Set-Cookie", "a=b");
      res.setHeader("Content-Type", req.url?.includes("text") ? "text/plain" : "text/html");
      res.end(`render ${n}`);
    });
    for (const path of ["/workers/missing", "/?cookie", "/?text"]) {
      await app.get(path);
      expect((await app.get(path)).text).not.toBe("render 1");
    }
    expect(app.renders()).toBe(6);
    expect(app.pages.size).toBe(0);
  });

  it("keeps at most its bytes: a page too large is rendered every time, the oldest go first", async () => {
    const db = await getDb();
    const pages = new PageCache({ fingerprint: () => readPagesFingerprint(db), maxEntries: 2 });
    let renders = 0;
    const server = createAppServer({
      handle: (req, res) => {
        renders++;
        res.setHeader("Content-Type", "text/html");
        res.end(req.url?.includes("big") ? "x".repeat(5 * 1024 * 1024) : `page ${req.url}`);
      },
      trustProxy: parseTrustProxy(undefined),
      timeouts: { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000 },
      pages,
    });
    servers.push(server);
    await listen(server, 0, "127.0.0.1");
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const get = async (path: string) => (await fetch(url + path)).text();
    await get("/?big");
    expect((await get("/?big")).length).toBe(5 * 1024 * 1024);
    expect(renders).toBe(2);
    for (const path of ["/?1", "/?2", "/?3"]) await get(path);
    expect(pages.size).toBe(2);
    await get("/?1"); // the oldest was let go
    expect(renders).toBe(6);
  });
});
