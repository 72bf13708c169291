import { decode, encode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
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

const MAX_REMEMBERED_TOKENS = 10_000;
const rememberedTokens = new Map<string, JWT & { exp: number }>();

/**
 * next-auth's decode, remembered per token until the token expires: decrypting costs a key
 * derivation and a decryption on every request, and a caller sends the same token again and again.
 * Only tokens that decrypted are remembered; the user row is still read on every request.
 */
async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  const key = `${params.secret}\u0000${params.salt ?? ""}\u0000${params.token ?? ""}`;
  const now = Date.now() / 1000;
  const remembered = rememberedTokens.get(key);
  if (remembered && remembered.exp > now) return remembered;
  if (remembered) rememberedTokens.delete(key);
  const payload = await decode(params);
  if (payload && typeof payload.exp === "number" && payload.exp > now) {
    if (rememberedTokens.size >= MAX_REMEMBERED_TOKENS) rememberedTokens.clear();
    rememberedTokens.set(key, payload as JWT & { exp: number });
  }
  return payload;
}

/**
 * Resolves who is calling, from the session cookie or a bearer token, and re-checks the user row on
 * every request: a blocked user gets 403 whatever token they hold, a role change applies at once,
 * and a bumped session version revokes older tokens.
 */
export async function resolveCaller(source: CredentialSource): Promise<Caller | null> {
  // getToken's parameter type names Next's request types; it only reads `headers` and `cookies`.
  const req = source as unknown as Parameters<typeof getToken>[0]["req"];
  const token = await getToken({ req, secret: authSecret(), decode: decodeRemembered });
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
