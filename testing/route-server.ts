// A plain node:http server around some of the API's route handlers, for tests that need a real
// server process to kill (a Next.js build takes minutes; this starts in a second). It runs the same
// handlers, database module and migrations as the app; only Next's router is replaced by a table.
// Usage: PORT=3210 DATABASE_URL=… AUTH_SECRET=… node --import tsx testing/route-server.ts
import { createServer, type IncomingMessage } from "node:http";
import { NextRequest } from "next/server";
import * as appointment from "@/app/api/v1/appointments/[id]/route";
import * as appointments from "@/app/api/v1/appointments/route";
import * as token from "@/app/api/v1/auth/token/route";
import * as health from "@/app/api/v1/health/route";
import { closeDb, getDb } from "@/db/client";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { pattern: RegExp; names: string[]; methods: Record<string, Handler> };

const routes: Route[] = [
  { pattern: /^\/api\/v1\/health$/, names: [], methods: { GET: health.GET } },
  { pattern: /^\/api\/v1\/auth\/token$/, names: [], methods: { POST: token.POST } },
  { pattern: /^\/api\/v1\/appointments$/, names: [], methods: { GET: appointments.GET, POST: appointments.POST } },
  {
    pattern: /^\/api\/v1\/appointments\/([^/]+)$/,
    names: ["id"],
    methods: { GET: appointment.GET, PATCH: appointment.PATCH },
  },
];

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    const match = routes.map((r) => ({ r, m: r.pattern.exec(url.pathname) })).find((x) => x.m);
    const handler = match?.r.methods[req.method ?? "GET"];
    if (!match?.m || !handler) {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end('{"error":{"code":"not_found","message":"No such API endpoint."}}');
      return;
    }
    const params = Object.fromEntries(
      match.r.names.map((name, i) => [name, decodeURIComponent(match.m?.[i + 1] ?? "")]),
    );
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new NextRequest(url, {
      method: req.method,
      headers,
      body: body?.length ? new Uint8Array(body) : undefined,
    });
    const response = await handler(request, { params: Promise.resolve(params) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (err) {
    console.error("[route-server]", err);
    res.writeHead(500).end();
  }
});

await getDb();
server.listen(Number(process.env.PORT ?? 3210), "127.0.0.1", () => console.log("route-server listening"));
process.once("SIGTERM", () => server.close(() => void closeDb().then(() => process.exit(0))));
