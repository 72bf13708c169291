import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";

/**
 * Sends signed-out visitors of the staff areas and of a specialist's /me pages to the sign-in page.
 * The redirect is a convenience only: the staff layouts and every route handler check the caller's
 * role against the database themselves. API paths do not come here: our HTTP server answers their
 * preflights and the methods a path does not serve (lib/server/api-gate.ts), as a proxy step on
 * every API request cost about as much as the request itself.
 */
export async function proxy(req: NextRequest) {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  const token = secret ? await getToken({ req, secret }) : null;
  if (token) return NextResponse.next();
  const login = new URL("/login", req.url);
  login.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/admin/:path*", "/manage/:path*", "/me/:path*"] };
