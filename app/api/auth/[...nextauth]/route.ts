import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { clientIp } from "@/lib/api/client-ip";
import { errorJson } from "@/lib/api/respond";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit/limits";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so that AUTH_SECRET is read at run time, not at build time.
function handler(req: NextRequest, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions());
}

/**
 * Sign-in attempts spend the caller IP's auth budget (shared with /api/v1/auth/token and register)
 * before next-auth sees them; the per-account budget is checked in checkCredentials.
 */
async function post(req: NextRequest, ctx: Ctx) {
  if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
    try {
      await consume("auth", clientIp(req.headers));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // The API's error shape, plus the `url` next-auth's signIn() reads its error from.
      const res = errorJson(err);
      const body = { ...(await res.json()), url: new URL("/login?error=rate_limited", req.url).toString() };
      return Response.json(body, { status: res.status, headers: res.headers });
    }
  }
  return handler(req, ctx);
}

export { handler as GET, post as POST };
