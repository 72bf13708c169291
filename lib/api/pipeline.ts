// What every API request goes through around its handler, kept out of route() so that stays short:
// a request id and the per-IP budgets on the way in; CORS, caching and a log line on the way out.
import type { NextRequest } from "next/server";
import { consume } from "@/lib/rate-limit/limits";
import { clientIp } from "./client-ip";
import { applyCors } from "./cors";
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

/** Headers every API answer carries; answers are never cached unless the handler said otherwise. */
export function finishRequest(req: NextRequest, res: Response, request: ApiRequest): Response {
  res.headers.set("X-Request-Id", request.requestId);
  if (!res.headers.has("Cache-Control")) res.headers.set("Cache-Control", "no-store");
  applyCors(res.headers, req.headers.get("origin"));
  const ms = Math.round(performance.now() - request.startedAt);
  logRequest({ requestId: request.requestId, method: request.method, path: request.path, status: res.status, ms });
  return res;
}
