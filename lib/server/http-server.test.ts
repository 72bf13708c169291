// Our HTTP server on a real socket, around small handlers: the client address it hands the app,
// paths Next.js's router cannot decode, slow bodies, and a graceful stop.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientIp } from "@/lib/api/client-ip";
import { UPLOAD_CSP } from "@/lib/uploads/names";
import { parseTrustProxy } from "./client-address";
import { createAppServer, listen, stopServer, type Timeouts } from "./http-server";

const TIMEOUTS: Timeouts = { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000 };
const servers: Server[] = [];

type Handle = (req: IncomingMessage, res: ServerResponse) => unknown;

async function start(handle: Handle, options: { trust?: string; timeouts?: Timeouts } = {}) {
  const server = createAppServer({
    handle,
    trustProxy: parseTrustProxy(options.trust),
    timeouts: options.timeouts ?? TIMEOUTS,
  });
  servers.push(server);
  await listen(server, 0, "127.0.0.1");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { server, port, url: `http://127.0.0.1:${port}` };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => stopServer(s, 100)));
});

/** Answers with the client address the app would see, read the way clientIp() reads it. */
const echoClient: Handle = (req, res) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  res.end(clientIp(headers));
};

describe("the client address the app sees", () => {
  it("is the socket's peer when no proxy is trusted, whatever the caller forges", async () => {
    const { url } = await start(echoClient);
    const forged = {
      "x-forwarded-for": "203.0.113.7",
      [CLIENT_ADDRESS_HEADER]: "198.51.100.1",
      "x-real-ip": "1.1.1.1",
    };
    const res = await fetch(url, { headers: forged });
    expect(await res.text()).toBe("127.0.0.1");
  });

  it("is the entry the trusted proxy appended under TRUST_PROXY=1, and never the forged private header", async () => {
    const { url } = await start(echoClient, { trust: "1" });
    const res = await fetch(url, {
      headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.7", [CLIENT_ADDRESS_HEADER]: "198.51.100.1" },
    });
    expect(await res.text()).toBe("203.0.113.7");
  });

  it("follows the list of proxies: a peer not on it is the client", async () => {
    const { url } = await start(echoClient, { trust: "10.0.0.0/8" });
    const res = await fetch(url, { headers: { "x-forwarded-for": "203.0.113.7" } });
    expect(await res.text()).toBe("127.0.0.1");
  });
});

describe("paths with malformed percent-encoding", () => {
  it.each(["/api/v1/locations/%ZZ", "/api/docs/%ZZ", "/api/v1/workers/a%E0%A4%A"])(
    "%s answers 400 in the API's error shape with the security headers, a request id and a log line",
    async (path) => {
      let reached = false;
      const { url } = await start(() => {
        reached = true;
      });
      const previous = process.env.LOG_LEVEL;
      process.env.LOG_LEVEL = "info";
      const lines: string[] = [];
      const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: unknown) => {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        return true;
      });
      try {
        const res = await fetch(`${url}${path}?q=1`, { headers: { "x-request-id": "bad-path-1" } });
        expect(res.status).toBe(400);
        expect(res.headers.get("content-type")).toContain("application/json");
        const body = await res.json();
        expect(body.error.code).toBe("validation_failed");
        expect(body.error.message).toMatch(/percent-encoding/);
        expect(res.headers.get("x-request-id")).toBe("bad-path-1");
        expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        expect(res.headers.get("x-frame-options")).toBe("DENY");
        expect(res.headers.get("cache-control")).toBe("no-store");
      } finally {
        spy.mockRestore();
        process.env.LOG_LEVEL = previous;
      }
      expect(reached).toBe(false);
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.requestId === "bad-path-1");
      expect(logged).toMatchObject({ msg: "request", status: 400, method: "GET" });
    },
  );

  it("answers a page path with a small HTML 400 carrying the same headers", async () => {
    const { url } = await start(() => {});
    const res = await fetch(`${url}/workers/%ZZ`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("text/html");
    const page = await res.text();
    expect(page).toContain("Bad request");
    expect(page).toContain("Неверный запрос");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(res.headers.get("x-request-id")).toMatch(/^[\w-]{36}$/);
  });

  it("lets well-formed encodings through", async () => {
    const { url } = await start((req, res) => res.end(req.url));
    const res = await fetch(`${url}/workers/%D0%B0%20b?x=%ZZ`);
    expect(res.status).toBe(200);
  });
});

describe("API answers given before Next.js", () => {
  it("answers a method an API path does not serve with 405, its Allow header and the security headers", async () => {
    let reached = false;
    const { url } = await start(() => {
      reached = true;
    });
    const res = await fetch(`${url}/api/v1/health?x=1`, { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.json()).toEqual({
      error: { code: "method_not_allowed", message: "This path answers GET." },
    });
    expect(reached).toBe(false);
  });

  it("answers a preflight, refusing an origin not in CORS_ORIGINS", async () => {
    const { url } = await start(() => {});
    const res = await fetch(`${url}/api/v1/specialties`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("vary")).toBe("Origin, Accept-Encoding");
    expect((await res.json()).error.code).toBe("forbidden");
  });

  it("hands the methods a path serves, and every other path, to the app", async () => {
    const { url } = await start((req, res) => res.end(`${req.method} ${req.url}`));
    for (const [method, path] of [
      ["GET", "/api/v1/health"],
      ["HEAD", "/api/v1/shifts/1"],
      ["DELETE", "/api/docs/index.html"],
      ["DELETE", "/api/v1/health/"],
      ["OPTIONS", "/workers"],
    ] as const) {
      const res = await fetch(`${url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(200);
    }
  });

  it("sends an uploaded image's strict policy under /uploads/ (Next.js keeps a header set before it)", async () => {
    const { url } = await start((_req, res) => res.end("x"));
    const image = await fetch(`${url}/uploads/${"a".repeat(64)}.webp`);
    expect(image.headers.get("content-security-policy")).toBe(UPLOAD_CSP);
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");
    const page = await fetch(`${url}/uploads-and-more`);
    expect(page.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  });
});

/** Sends headers promising a body, then one byte every 200 ms; resolves with what came back and when. */
function trickle(port: number): Promise<{ ms: number; answer: string }> {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    let timer: NodeJS.Timeout | undefined;
    socket.on("connect", () => {
      socket.write("POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n");
      socket.write("Content-Length: 100000\r\n\r\n");
      timer = setInterval(() => socket.writable && socket.write("a"), 200);
    });
    socket.on("data", (chunk) => {
      answer += chunk.toString();
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ ms: Date.now() - startedAt, answer });
    });
  });
}

describe("slow requests", () => {
  it("closes a request whose body trickles in for longer than the request timeout, with 408", async () => {
    const { port } = await start(
      async (req, res) => {
        // Reads the body as a route handler would, however slowly it comes; the timeout aborts it.
        const read = (async () => {
          for await (const _ of req);
        })();
        await read.then(() => res.end("read it all")).catch(() => {});
      },
      { timeouts: { requestMs: 1_000, headersMs: 500, keepAliveMs: 5_000 } },
    );
    const { ms, answer } = await trickle(port);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(3_000);
  });

  it("closes a connection whose headers never finish within the headers timeout", async () => {
    const { port } = await start((_req, res) => res.end(), {
      timeouts: { requestMs: 5_000, headersMs: 500, keepAliveMs: 5_000 },
    });
    const startedAt = Date.now();
    let answer = "";
    const closed = await new Promise<number>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.write("GET / HTTP/1.1\r\nHost: x\r\n"));
      socket.on("data", (chunk) => {
        answer += chunk.toString();
      });
      socket.on("error", () => {});
      socket.on("close", () => resolve(Date.now() - startedAt));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closed).toBeLessThan(2_000);
  });
});

describe("stopping", () => {
  it("refuses new connections, lets a request in flight finish, and closes idle keep-alive connections", async () => {
    const { server, url } = await start((req, res) => {
      setTimeout(() => res.end("finished"), req.url === "/slow" ? 500 : 0);
    });
    // An idle keep-alive connection must not hold the stop up.
    await (await fetch(`${url}/`)).text();
    const inFlight = fetch(`${url}/slow`).then((res) => res.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const startedAt = Date.now();
    const stopped = stopServer(server, 5_000);
    await expect(fetch(`${url}/`)).rejects.toThrow();
    expect(await inFlight).toBe("finished");
    await stopped;
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(server.listening).toBe(false);
  });

  it("cuts a request that outlives the grace period", async () => {
    const { server, url } = await start(() => {});
    const hanging = fetch(`${url}/never`).catch((err: Error) => err);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const startedAt = Date.now();
    await stopServer(server, 300);
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    expect(await hanging).toBeInstanceOf(Error);
  });
});
