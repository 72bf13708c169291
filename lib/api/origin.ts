// Which credentials a request may use. Bearer tokens work from anywhere (CORS decides which
// browsers may read the answer); the session cookie only counts when the request comes from the app's
// own pages: a cross-site read is answered as anonymous, and a cross-site mutation carrying the
// cookie is refused (CSRF), even though SameSite=Lax already keeps the cookie off most of them.
import type { NextRequest } from "next/server";
import type { CredentialSource } from "@/lib/auth/caller";
import { crossSiteRequest } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/** The app's own origin: NEXTAUTH_URL's when set, else the one the request was addressed to. */
export function ownOrigin(req: NextRequest): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? req.nextUrl.host;
  const proto = req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(/:$/, "");
  return `${proto.split(",")[0]?.trim()}://${host.split(",")[0]?.trim()}`;
}

/** True when a browser tells us the request was made by another site's page. */
export function isCrossSite(req: NextRequest): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return true;
  const origin = req.headers.get("origin");
  return origin !== null && origin !== ownOrigin(req);
}

const hasBearer = (req: NextRequest) => /^Bearer\s/i.test(req.headers.get("authorization") ?? "");
const hasSessionCookie = (req: NextRequest) => req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
const noCookies = { getAll: () => [] };

/** What resolveCaller may read for this request; throws 403 for a cross-site cookie mutation. */
export function credentialSource(req: NextRequest): CredentialSource {
  if (hasBearer(req)) return { headers: req.headers, cookies: noCookies };
  if (!isCrossSite(req)) return { headers: req.headers, cookies: req.cookies };
  if (!SAFE_METHODS.has(req.method) && hasSessionCookie(req)) {
    throw crossSiteRequest();
  }
  return { headers: req.headers, cookies: noCookies };
}
