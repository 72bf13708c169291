import { cookies } from "next/headers";
import type { User } from "@/db/schema/users";
import { issueAccessToken } from "./caller";
import { SESSION_MAX_AGE } from "./secret";

/**
 * Signs `user` in from a server action (the sign-in and register forms, which must work before
 * JavaScript runs): the same encrypted JWT next-auth issues, in the cookie next-auth's getToken
 * reads, named and flagged as next-auth names it (`__Secure-` and Secure when NEXTAUTH_URL is https).
 */
export async function startSession(user: User) {
  const { accessToken } = await issueAccessToken(user);
  const secure = process.env.NEXTAUTH_URL?.startsWith("https://") ?? Boolean(process.env.VERCEL);
  (await cookies()).set(secure ? "__Secure-next-auth.session-token" : "next-auth.session-token", accessToken, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: SESSION_MAX_AGE,
  });
}
