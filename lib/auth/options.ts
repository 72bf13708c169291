import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Role } from "@/db/schema/users";
import { AppError } from "@/lib/errors";
import { credentialsSchema } from "@/lib/validation/auth";
import { checkCredentials } from "./credentials";
import { safeRedirectPath } from "./safe-redirect";
import { authSecret, SESSION_MAX_AGE } from "./secret";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The user's session version when the token was issued; a newer one in the database revokes it. */
    sv?: number;
  }
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          try {
            const user = await checkCredentials(parsed.data);
            return {
              id: user.id,
              email: user.email,
              name: user.name,
              role: user.role,
              sessionVersion: user.sessionVersion,
            };
          } catch (err) {
            // next-auth passes a thrown message to the sign-in page as `error`; a wrong password is null.
            if (err instanceof AppError && ["account_blocked", "rate_limited", "unavailable"].includes(err.code)) {
              throw new Error(err.code);
            }
            if (err instanceof AppError) return null;
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      // The same rule as the sign-in and register forms: same-origin only, judged the way browsers read it.
      redirect({ url, baseUrl }) {
        return new URL(safeRedirectPath(url, { origin: baseUrl }), baseUrl).toString();
      },
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.sub ?? "",
          email: token.email ?? "",
          name: token.name ?? "",
          role: token.role ?? "client",
        };
        return session;
      },
    },
  };
}
