import { encode, getToken } from "next-auth/jwt";
import { findUserById } from "@/db/queries/users";
import type { User } from "@/db/schema/users";
import { accountBlocked } from "@/lib/errors";
import type { Caller } from "./roles";
import { authSecret, SESSION_MAX_AGE } from "./secret";

/** What getToken reads: the session cookie, else an `Authorization: Bearer` header. */
export type CredentialSource = {
  headers: Headers;
  cookies: { getAll(): { name: string; value: string }[] };
};

/**
 * Resolves who is calling, from the session cookie or a bearer token, and re-checks the user row on
 * every request: a blocked user gets 403 whatever token they hold, a role change applies at once,
 * and a bumped session version revokes older tokens.
 */
export async function resolveCaller(source: CredentialSource): Promise<Caller | null> {
  // getToken's parameter type names Next's request types; it only reads `headers` and `cookies`.
  const req = source as unknown as Parameters<typeof getToken>[0]["req"];
  const token = await getToken({ req, secret: authSecret() });
  if (!token?.sub) return null;
  const user = await findUserById(token.sub);
  if (!user) return null;
  if (user.blocked) throw accountBlocked();
  if (token.sv !== user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** A bearer token for external callers: the same signed and encrypted JWT as a browser session. */
export async function issueAccessToken(user: User) {
  const accessToken = await encode({
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE,
    token: { sub: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion },
  });
  return { accessToken, tokenType: "Bearer" as const, expiresIn: SESSION_MAX_AGE };
}
