import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { GET as unknownApi } from "@/app/api/v1/[...path]/route";
import { GET as health } from "@/app/api/v1/health/route";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { call } from "@/testing/http";
import { route } from "./handler";

/** What request-log.ts writes to stdout and stderr while `run` runs, one string per line. */
async function written(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const capture = (chunk: unknown) => {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(capture),
    vi.spyOn(process.stderr, "write").mockImplementation(capture),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines;
}

describe("route wrapper", () => {
  it("answers unexpected errors with a generic 500 that leaks nothing", async () => {
    const failing = route({}, async () => {
      throw new Error('relation "secret_table" does not exist at select * from users');
    });
    const errors = await written(async () => {
      const res = await call(failing, "GET", "/api/v1/x", { headers: { "x-request-id": "req-500" } });
      expect(res.status).toBe(500);
      expect(res.json.error.code).toBe("internal_error");
      expect(res.json.error.details).toEqual({ requestId: "req-500" });
      expect(JSON.stringify(res.json)).not.toMatch(/secret_table|select|at /);
    });
    // The server's log keeps the cause, under the id the caller was given.
    const lines = errors.map((line) => JSON.parse(line));
    expect(lines.find((l) => l.msg === "unhandled error")).toMatchObject({ requestId: "req-500" });
    expect(JSON.stringify(lines)).toMatch(/secret_table/);
  });

  it.runIf(Boolean(process.env.TEST_SERVER_DATABASE_URL))(
    "answers a statement the database cancelled for taking too long with 503 unavailable and Retry-After",
    async () => {
      const db = await getDb();
      const slow = route({}, async () => {
        await db.transaction(async (tx) => {
          await tx.execute(sql`set local statement_timeout = 50`);
          await tx.execute(sql`select pg_sleep(2)`);
        });
        return { ok: true };
      });
      const errors = await written(async () => {
        const res = await call(slow, "GET", "/api/v1/x");
        expect(res.status).toBe(503);
        expect(res.json.error.code).toBe("unavailable");
        expect(res.headers.get("retry-after")).toBe("2");
        expect(JSON.stringify(res.json)).not.toMatch(/pg_sleep|statement/);
      });
      expect(errors.map((line) => JSON.parse(line)).find((l) => l.msg === "database too busy")).toMatchObject({
        code: "57014",
      });
    },
  );

  it("passes AppError status, code, message and details through", async () => {
    const conflict = route({}, async () => {
      throw new AppError("slot_taken", 409, "Taken.", { start: "x" });
    });
    const res = await call(conflict, "GET", "/api/v1/x");
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ error: { code: "slot_taken", message: "Taken.", details: { start: "x" } } });
  });

  it("validates query and path parameters with zod", async () => {
    const echo = route(
      { query: z.object({ limit: z.coerce.number().int().max(200) }), params: z.object({ id: z.uuid() }) },
      async ({ query, params }) => ({ limit: query.limit, id: params.id }),
    );
    const bad = await call(echo, "GET", "/api/v1/x?limit=500", { params: { id: "nope" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(["id"]);
    const id = crypto.randomUUID();
    const ok = await call(echo, "GET", "/api/v1/x?limit=20", { params: { id } });
    expect(ok.json).toEqual({ limit: 20, id });
  });

  it("refuses bodies over 64 KiB with 413", async () => {
    const sink = route({ body: z.object({ text: z.string() }) }, async () => ({ ok: true }));
    const res = await call(sink, "POST", "/api/v1/x", { body: { text: "x".repeat(70 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("payload_too_large");

    // A chunked body (no Content-Length) that never ends: refused once 64 KiB have streamed past.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"text":"'));
      },
      pull(controller) {
        pulled += 16 * 1024;
        controller.enqueue(new TextEncoder().encode("x".repeat(16 * 1024)));
      },
    });
    const req = new NextRequest("http://localhost/api/v1/x", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: endless,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const streamed = await sink(req, { params: Promise.resolve({}) });
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(128 * 1024);

    // A body with a byte order mark still reads as JSON, as Request.text() read it.
    const echo = route({ body: z.object({ text: z.string() }) }, async ({ body }) => body);
    const bom = await call(echo, "POST", "/api/v1/x", {
      rawBody: '\uFEFF{"text":"й"}',
      headers: { "content-type": "application/json" },
    });
    expect(bom.json).toEqual({ text: "й" });
  });

  it("logs a caller that hung up mid-body as 499, not as an error of ours, and runs nothing", async () => {
    let ran = false;
    const sink = route({ body: z.object({ text: z.string() }) }, async () => {
      ran = true;
      return { ok: true };
    });
    // What Node's HTTP server does to a request body whose connection closed before its end.
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"text":'));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const req = new NextRequest("http://localhost/api/v1/x", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "info";
    let lines: string[];
    try {
      lines = await written(async () => {
        const res = await sink(req, { params: Promise.resolve({}) });
        expect(res.status).toBe(499);
      });
    } finally {
      if (level === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = level;
    }
    expect(ran).toBe(false);
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries).toEqual([expect.objectContaining({ level: "info", msg: "request", status: 499 })]);
  });

  it("requires the declared role: 401 for anonymous callers", async () => {
    const staffOnly = route({ role: "admin" }, async () => ({ ok: true }));
    const res = await call(staffOnly, "GET", "/api/v1/x");
    expect(res.status).toBe(401);
  });
});

describe("the request log", () => {
  it("writes one JSON line per answer, the caller's id and odd bytes of the path escaped", async () => {
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "info";
    const answer = route({}, async () => ({ ok: true }));
    const path = '/api/v1/x"\\\u2028\u0007й';
    let lines: string[];
    try {
      lines = await written(async () => {
        const res = await call(answer, "GET", `/api/v1/x?q=1`, { headers: { "x-request-id": "req-log.1" } });
        expect(res.status).toBe(200);
        expect(res.headers.get("x-request-id")).toBe("req-log.1");
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(res.headers.get("vary")).toBe("Origin");
        const { logRequest } = await import("./request-log");
        logRequest({ requestId: "r2", method: "GET", path, status: 503, ms: 7 });
      });
    } finally {
      if (level === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = level;
    }
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries).toEqual([
      {
        level: "info",
        time: expect.any(String),
        msg: "request",
        requestId: "req-log.1",
        method: "GET",
        path: "/api/v1/x",
        status: 200,
        ms: expect.any(Number),
      },
      {
        level: "error",
        time: expect.any(String),
        msg: "request",
        requestId: "r2",
        method: "GET",
        path,
        status: 503,
        ms: 7,
      },
    ]);
    expect(new Date(entries[0].time).toISOString()).toBe(entries[0].time);
  });
});

describe("GET /api/v1/health", () => {
  it("checks the database and answers { ok: true }", async () => {
    const res = await call(health, "GET", "/api/v1/health");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const res = await call(unknownApi, "GET", "/api/v1/nope");
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
  });
});
