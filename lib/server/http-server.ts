// Our production HTTP server around Next.js's request handler (README "Configuration"): it decides
// the client's address from the socket under TRUST_PROXY, refuses paths Next.js's router would answer
// with a bare 500, sends the security headers (lib/security-headers.mjs) with every answer, answers API preflights and methods an API path does not serve (api-gate.ts), sends signed-out pages
// and API reads again while nothing they show has changed (page-cache.ts, answer-replay.ts), bounds
// how long a request may take to arrive, and stops gracefully.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER, trustClientAddressHeader } from "@/lib/api/client-ip";
import type { KeptAnswer } from "@/lib/api/kept-answers";
import { logRequest, requestIdOf } from "@/lib/api/request-log";
import { securityHeaders } from "@/lib/security-headers.mjs";
import { UPLOAD_CSP } from "@/lib/uploads/names";
import type { AnswerReplay } from "./answer-replay";
import { apiGate } from "./api-gate";
import { resolveClientAddress, type TrustProxy } from "./client-address";
import type { PageCache } from "./page-cache";

export type Timeouts = {
  /** The whole request, body included, must arrive within this. */
  requestMs: number;
  /** The request line and headers must arrive within this. */
  headersMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
};

function envMs(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`${name} must be a whole number of milliseconds above 0.`);
  return ms;
}

/**
 * 30 s for a request and 10 s for its headers: the API takes bodies of at most 64 KiB, so a caller
 * trickling one for longer only holds a connection. Keep-alive 65 s, longer than the 60 s idle
 * timeout of common load balancers, so a balancer never reuses a connection the app just closed.
 */
export function timeoutsFromEnv(): Timeouts {
  const requestMs = envMs("HTTP_REQUEST_TIMEOUT_MS", 30_000);
  return {
    requestMs,
    headersMs: Math.min(requestMs, envMs("HTTP_HEADERS_TIMEOUT_MS", 10_000)),
    keepAliveMs: envMs("HTTP_KEEP_ALIVE_TIMEOUT_MS", 65_000),
  };
}

type Handle = (req: IncomingMessage, res: ServerResponse) => unknown;
export type AppServerOptions = {
  handle: Handle;
  trustProxy: TrustProxy;
  timeouts: Timeouts;
  dev?: boolean;
  /** Signed-out pages sent again while nothing they show has changed (page-cache.ts). */
  pages?: PageCache;
  /** Signed-out API reads sent again while nothing they show has changed (answer-replay.ts). */
  answers?: AnswerReplay;
};

/** A path Next.js's router cannot decode: it would answer a plain-text 500 without our headers. */
function hasMalformedPath(url: string): boolean {
  try {
    decodeURIComponent(url.split("?", 1)[0] ?? "");
    return false;
  } catch {
    return true;
  }
}

const BAD_PATH = "The path is not valid: it contains a malformed percent-encoding.";
// Answered before the app (and its translations) is reached, so the page says it in both languages.
const badPathHtml = [
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Bad request</title>',
  `<h1>Bad request</h1><p>${BAD_PATH}</p>`,
  '<div lang="ru"><h1>Неверный запрос</h1><p>Адрес неверен: в нём испорченная %-кодировка.</p></div></html>',
].join("");

function answerBadPath(req: IncomingMessage, res: ServerResponse) {
  const startedAt = performance.now();
  const url = req.url ?? "/";
  const requestId = requestIdOf(new Headers({ "x-request-id": String(req.headers["x-request-id"] ?? "") }));
  const api = url.startsWith("/api/");
  const body = api
    ? JSON.stringify({
        error: { code: "validation_failed", message: BAD_PATH, details: { issues: [{ path: "", message: BAD_PATH }] } },
      })
    : badPathHtml;
  res.setHeader("X-Request-Id", requestId);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Type", api ? "application/json" : "text/html; charset=utf-8");
  res.writeHead(400).end(body);
  const path = url.split("?", 1)[0]?.slice(0, 200) ?? "/";
  logRequest({
    requestId,
    method: req.method ?? "GET",
    path,
    status: 400,
    ms: Math.round(performance.now() - startedAt),
  });
}

/**
 * Sends an answer of api-gate.ts with the headers Next.js gave it when proxy.ts answered: the
 * security headers (set already), the answer's own, and `Accept-Encoding` added to Vary as Next.js's
 * compression does.
 */
async function sendGateAnswer(res: ServerResponse, answering: Response | Promise<Response>) {
  const answer = await answering;
  const body = Buffer.from(await answer.arrayBuffer());
  answer.headers.forEach((value, key) => {
    if (key !== "vary") res.setHeader(key, value);
  });
  const vary = answer.headers.get("vary");
  res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  res.writeHead(answer.status).end(body);
}

const stopping = new WeakSet<Server>();

/**
 * Sends what a response writes in one turn of the event loop as one packet: Next.js flushes the
 * headers, writes the body and ends the chunked stream in three socket writes (three system calls,
 * and three packets to the client) when one would do. Headers go out with the first body write
 * instead of on their own, and the socket is corked from a write until the turn's queued callbacks
 * have run, so a whole small answer leaves in one write and a streamed page still leaves chunk by
 * chunk as it is rendered.
 */
function coalesceWrites(res: ServerResponse) {
  const socket = res.socket;
  if (!socket) return;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  const cork = () => {
    if (corked) return;
    corked = true;
    socket.cork();
    process.nextTick(uncork);
  };
  // Node.js sends the headers with the first write (or with end) when they were not flushed.
  res.flushHeaders = () => {};
  const write = res.write;
  res.write = function (this: ServerResponse, ...args: Parameters<ServerResponse["write"]>) {
    cork();
    return write.apply(this, args);
  } as ServerResponse["write"];
}

export function createAppServer({
  handle,
  trustProxy,
  timeouts,
  dev = false,
  pages,
  answers,
}: AppServerOptions): Server {
  const render = (req: IncomingMessage, res: ServerResponse) =>
    pages ? pages.serve(req, res, () => handle(req, res)) : handle(req, res);
  const replay = async (req: IncomingMessage, res: ServerResponse, kept: KeptAnswer) =>
    (await answers?.serve(req, res, kept)) || render(req, res);
  trustClientAddressHeader();
  // On every answer, Next.js's and ours alike, set before Next.js sees the request. (As next.config's
  // `headers()` they cost Next.js's router a path-to-regexp compile of the CSP, which holds colons,
  // on every request.) Next.js keeps a header already set here, so a route cannot replace one of them:
  // an answer that needs another policy gets it here (uploaded images below).
  const headers = securityHeaders(dev);
  const server = createServer(
    {
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.headersMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // Node checks the two timeouts above only this often (30 s by default).
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(timeouts.headersMs / 4))),
    },
    (req, res) => {
      // Always overwritten, so whatever a caller sent in this header never reaches the app.
      const forwarded = req.headers["x-forwarded-for"];
      req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
        req.socket.remoteAddress,
        Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
        trustProxy,
      );
      for (const { key, value } of headers) res.setHeader(key, value);
      // Next.js keeps a header already set here over the route's own, so an uploaded image's stricter
      // policy is set here too.
      if (req.url?.startsWith("/uploads/")) res.setHeader("Content-Security-Policy", UPLOAD_CSP);
      coalesceWrites(res);
      if (stopping.has(server)) res.setHeader("Connection", "close");
      const url = req.url ?? "/";
      if (hasMalformedPath(url)) return answerBadPath(req, res);
      const origin = req.headers.origin;
      const gate = apiGate(req.method ?? "GET", url.split("?", 1)[0] ?? "/", origin ?? null);
      const kept = gate ? undefined : answers?.kept(req);
      const answered = gate ? sendGateAnswer(res, gate) : kept ? replay(req, res, kept) : render(req, res);
      Promise.resolve(answered).catch((err) => {
        console.error("request handler failed:", err);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    },
  );
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/**
 * Stops accepting connections and waits for the requests in flight, at most `graceMs`; then cuts
 * whatever is still open. Idle keep-alive connections are closed as soon as they become idle.
 */
export async function stopServer(server: Server, graceMs: number): Promise<void> {
  if (!server.listening) return;
  stopping.add(server);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const cut = setTimeout(() => server.closeAllConnections(), graceMs);
  server.closeIdleConnections();
  try {
    await closed;
  } finally {
    clearInterval(idle);
    clearTimeout(cut);
  }
}
