// What every API request goes through around its handler, kept out of route() so that stays short:
// a request id and the per-IP budgets on the way in; CORS, caching and a log line on the way out.
import type { NextRequest } from "next/server";
import { consume } from "@/lib/rate-limit/limits";
import { clientIp } from "./client-ip";
import { applyCors, corsHeaders } from "./cors";
import { logRequest, requestIdOf } from "./request-log";

export type ApiRequest = { requestId: string; method: string; path: string; startedAt: number };

/** Extra per-IP budgets a route spends besides the general one: `auth` for sign-in, token and register. */
export type LimitName = "auth";

export function beginRequest(req: NextRequest): ApiRequest {
  return {
    requestId: requestIdOf(req.headers),
    method: req.method,
    path: req.nextUrl.pathname,
    startedAt: performance.now(),
  };
}

/** Spends the caller IP's budgets; throws 429 rate_limited when one is used up. */
export async function enforceLimits(req: NextRequest, limit?: LimitName) {
  const ip = clientIp(req.headers);
  await consume("api", ip);
  if (limit) await consume(limit, ip);
}

/** The headers of a 200 JSON answer of handler data, besides the request's id and CORS. */
export const DATA_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "application/json",
  "cache-control": "no-store",
  vary: "Origin",
};

/**
 * The answer for data a handler returned (the common case): 200 JSON with the headers finishRequest
 * would add, given in one go instead of set one by one on a built response.
 */
export function finishWithData(req: NextRequest, data: unknown, request: ApiRequest): Response {
  return finishWithBody(req, JSON.stringify(data), request);
}

/** finishWithData for data already serialized. */
export function finishWithBody(req: NextRequest, body: string, request: ApiRequest): Response {
  const headers: Record<string, string> = { ...DATA_HEADERS, "x-request-id": request.requestId };
  const origin = req.headers.get("origin");
  if (origin !== null) Object.assign(headers, corsHeaders(origin));
  const res = new Response(body, { status: 200, headers });
  logAnswer(res.status, request);
  return res;
}

function logAnswer(status: number, request: ApiRequest) {
  const ms = Math.round(performance.now() - request.startedAt);
  logRequest({ requestId: request.requestId, method: request.method, path: request.path, status, ms });
}

/** Headers every API answer carries; answers are never cached unless the handler said otherwise. */
export function finishRequest(req: NextRequest, res: Response, request: ApiRequest): Response {
  res.headers.set("X-Request-Id", request.requestId);
  if (!res.headers.has("Cache-Control")) res.headers.set("Cache-Control", "no-store");
  applyCors(res.headers, req.headers.get("origin"));
  logAnswer(res.status, request);
  return res;
}
