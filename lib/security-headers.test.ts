import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustProxy } from "@/lib/server/client-address";
import { createAppServer, listen, stopServer } from "@/lib/server/http-server";
import nextConfig from "@/next.config.mjs";

// Our HTTP server sets them on every answer before Next.js sees the request (lib/server/http-server.ts).
let server: Server;
let base: string;

beforeAll(async () => {
  server = createAppServer({
    // Stands for Next.js: a page, an API answer, a static file alike.
    handle: (req, res) => {
      res.setHeader("content-type", req.url?.startsWith("/api/") ? "application/json" : "text/html");
      res.end("{}");
    },
    trustProxy: parseTrustProxy(undefined),
    timeouts: { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000 },
  });
  await listen(server, 0, "127.0.0.1");
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(() => stopServer(server, 100));

describe("security headers (lib/security-headers.mjs, sent by lib/server/http-server.ts)", () => {
  it.each(["/", "/workers/anna", "/api/v1/health", "/api/docs", "/_next/static/chunks/x.js"])(
    "sends CSP with frame-ancestors, nosniff and a referrer policy with %s",
    async (path) => {
      const res = await fetch(base + path);
      const header = (key: string) => res.headers.get(key);
      expect(header("Content-Security-Policy")).toMatch(/default-src 'self'/);
      expect(header("Content-Security-Policy")).toMatch(/frame-ancestors 'none'/);
      expect(header("Content-Security-Policy")).toMatch(/object-src 'none'/);
      expect(header("X-Content-Type-Options")).toBe("nosniff");
      expect(header("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      expect(header("X-Frame-Options")).toBe("DENY");
    },
  );

  it("has one policy for every path, the API reference included: no third-party origin anywhere", async () => {
    const policies = await Promise.all(
      ["/", "/api/docs", "/api/v1/health"].map(async (path) =>
        (await fetch(base + path)).headers.get("Content-Security-Policy"),
      ),
    );
    expect(new Set(policies).size).toBe(1);
    expect(policies[0]).not.toMatch(/https:\/\/(?!\*)/);
  });

  it("is not sent a second time by next.config.mjs, whose header rules Next.js's router matches on every request", async () => {
    expect(nextConfig.headers).toBeUndefined();
  });
});
