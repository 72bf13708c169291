import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { preflight } from "@/lib/api/cors";
import { allowedMethods } from "@/lib/api/methods";

/** A method the path does not serve: 405 in API.md's error shape, naming the ones it does. */
function methodNotAllowed(req: NextRequest): NextResponse | undefined {
  if (req.method === "HEAD") return undefined;
  const allowed = allowedMethods(req.nextUrl.pathname);
  if (!allowed || allowed.includes(req.method)) return undefined;
  const error = { code: "method_not_allowed", message: `This path answers ${allowed.join(", ")}.` };
  return NextResponse.json({ error }, { status: 405, headers: { allow: allowed.join(", ") } });
}

/**
 * Answers CORS preflight requests of the API (route handlers set the CORS headers of the real
 * answers themselves) and methods an API path does not serve, and sends signed-out visitors of the staff areas to the sign-in page. The
 * redirect is a convenience only: the staff layouts and every route handler check the caller's role
 * against the database themselves.
 */
export async function proxy(req: NextRequest) {
  if (req.nextUrl.pathname.startsWith("/api/")) {
    if (req.method === "OPTIONS") return preflight(req);
    return methodNotAllowed(req) ?? NextResponse.next();
  }
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  const token = secret ? await getToken({ req, secret }) : null;
  if (token) return NextResponse.next();
  const login = new URL("/login", req.url);
  login.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/admin/:path*", "/manage/:path*", "/api/v1/:path*"] };
