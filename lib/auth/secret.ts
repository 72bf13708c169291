/** The key for session cookies and bearer tokens (`AUTH_SECRET`, or next-auth's `NEXTAUTH_SECRET`). */
export function authSecret(): string {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error(
      "AUTH_SECRET is not set or shorter than 32 characters. `npm start` and `npm run dev` write one to .env.local; " +
        "in production set it yourself (for example `openssl rand -base64 32`).",
    );
  }
  return secret;
}

/** Lifetime of browser sessions and of bearer tokens, in seconds. */
export const SESSION_MAX_AGE = 7 * 24 * 60 * 60;
