// CORS for /api/v1/*: browsers on the origins listed in CORS_ORIGINS may call the API with a
// bearer token and read the answer. Credentials (cookies) are never allowed cross-site, so
// Access-Control-Allow-Credentials is never sent.
import { originNotAllowed } from "@/lib/errors";
import { errorJson } from "./respond";

const ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-None-Match, X-Request-Id";
const EXPOSED_HEADERS = "ETag, Location, Retry-After, X-Request-Id";
const METHODS = "GET, POST, PUT, PATCH, DELETE";

/** CORS_ORIGINS: comma-separated origins such as `https://partner.example,https://kiosk.example`. */
export function allowedOrigins(): Set<string> {
  const list = (process.env.CORS_ORIGINS ?? "").split(",").map((o) => o.trim().replace(/\/$/, ""));
  return new Set(list.filter(Boolean));
}

const isAllowed = (origin: string | null): origin is string => origin !== null && allowedOrigins().has(origin);

/** The CORS headers an answer to `origin` carries besides `Vary: Origin`: none unless it is allowed. */
export function corsHeaders(origin: string | null): Record<string, string> {
  if (!isAllowed(origin)) return {};
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": EXPOSED_HEADERS };
}

/** Adds the CORS headers for `origin` to an API response (always Vary: Origin, so caches keep them apart). */
export function applyCors(headers: Headers, origin: string | null) {
  headers.append("Vary", "Origin");
  for (const [key, value] of Object.entries(corsHeaders(origin))) headers.set(key, value);
}

/** The answer to a preflight `OPTIONS` request. */
export function preflight(req: Request): Response {
  const origin = req.headers.get("origin");
  if (!isAllowed(origin)) {
    const res = errorJson(originNotAllowed());
    res.headers.set("Vary", "Origin");
    return res;
  }
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Methods": METHODS,
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    },
  });
}
