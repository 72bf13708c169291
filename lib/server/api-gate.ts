// The answers an /api/v1 request gets before any route runs: a CORS preflight (OPTIONS), and 405 in
// API.md's error shape for a method the path does not serve. Our HTTP server gives them before the
// request reaches Next.js, so that no proxy (middleware) step runs on API paths: that step alone
// cost about as much server CPU per request as the bare route it guarded (README "Speed").
import { allowedMethods } from "@/lib/api/methods";

// Loaded on the first preflight, not with this module: lib/api/cors.ts reaches next/server, which
// must not load in the server process before Next.js has set up its request storage (`next()`).
let cors: Promise<typeof import("@/lib/api/cors")> | undefined;
const loadCors = () => {
  cors ??= import("@/lib/api/cors");
  return cors;
};

/**
 * The paths proxy.ts's matcher `/api/v1/:path*` took: `/api/v1` and anything below it. A trailing
 * slash or an empty segment is left to Next.js, which redirects it to the canonical path first.
 */
const API_PATH = /^\/api\/v1(\/[^/]+)*$/;

export function isApiPath(pathname: string): boolean {
  return API_PATH.test(pathname);
}

/**
 * The answer to `method` on `pathname` (no query) when the API answers it without a route: a
 * preflight, or 405 naming the methods the path serves. Undefined when the request goes on to Next.js.
 */
export function apiGate(
  method: string,
  pathname: string,
  origin: string | null,
): Response | Promise<Response> | undefined {
  if (!isApiPath(pathname)) return undefined;
  if (method === "OPTIONS") {
    const req = new Request(`http://localhost${pathname}`, { method, headers: origin ? { origin } : {} });
    return loadCors().then(({ preflight }) => preflight(req));
  }
  if (method === "HEAD") return undefined;
  const allowed = allowedMethods(pathname);
  if (!allowed || allowed.includes(method)) return undefined;
  const error = { code: "method_not_allowed", message: `This path answers ${allowed.join(", ")}.` };
  return Response.json({ error }, { status: 405, headers: { allow: allowed.join(", ") } });
}
