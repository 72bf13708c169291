// One-time account tokens: 32 random bytes, written base64url (43 characters) into the emailed link;
// only their SHA-256 is stored (db/schema/account-tokens.ts), so the table alone opens nothing.
import { createHash, randomBytes } from "node:crypto";

/** How long an emailed link works. */
export const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export function newAccountToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: sha256(token) };
}

/** The stored form of a token presented to us, or null when it is not the shape we issue. */
export function accountTokenHash(token: string): string | null {
  const trimmed = token.trim();
  return TOKEN_SHAPE.test(trimmed) ? sha256(trimmed) : null;
}
