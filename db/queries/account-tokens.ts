// One-time account tokens' rows (db/schema/account-tokens.ts): inserted with their hash, consumed
// once, dropped. Plain values in, rows out; what a token is good for is lib/accounts/'s.
import { and, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  type AccountToken,
  type AccountTokenPurpose,
  accountTokens,
  type NewAccountToken,
} from "../schema/account-tokens";
import { notifications } from "../schema/notifications";
import { users } from "../schema/users";

export async function insertAccountToken(db: Executor, values: NewAccountToken): Promise<AccountToken> {
  const [row] = await db.insert(accountTokens).values(values).returning();
  if (!row) throw new Error("insert into account_tokens returned no row");
  return row;
}

/**
 * Uses the token with this hash and purpose, if it is unused and unexpired at `now`, in one
 * statement: of any number of concurrent uses, exactly one gets the row back.
 */
export async function consumeAccountToken(
  db: Executor,
  tokenHash: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<AccountToken | undefined> {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, tokenHash),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** Marks every unused token of the user (of one purpose, or all) as used at `now`; answers how many. */
export async function spendUserTokens(
  db: Executor,
  userId: string,
  now: Date,
  purpose?: AccountTokenPurpose,
): Promise<number> {
  const rows = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.userId, userId),
        isNull(accountTokens.usedAt),
        purpose ? eq(accountTokens.purpose, purpose) : undefined,
      ),
    )
    .returning({ id: accountTokens.id });
  return rows.length;
}

/** Deletes the user's tokens that expired before `before` (used or not). */
export async function deleteExpiredAccountTokens(db: Executor, userId: string, before: Date): Promise<number> {
  const rows = await db
    .delete(accountTokens)
    .where(and(eq(accountTokens.userId, userId), lt(accountTokens.expiresAt, before)))
    .returning({ id: accountTokens.id });
  return rows.length;
}

/** Records that the user proved they read mail at `email`: only while that is still their address. */
export async function markEmailVerified(db: Executor, userId: string, email: string, at: Date) {
  const [row] = await db
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(users.id, userId), sql`lower(${users.email}) = lower(${email})`))
    .returning();
  return row;
}

/**
 * Removes the token from an account message once the SMTP server accepted it: 43 base64url
 * characters in a row (the token's only shape in the message) become "[removed]", so a sent
 * message's row no longer opens the account. Messages kept in the outbox keep theirs.
 */
export async function redactAccountMessage(db: Executor, notificationId: string): Promise<void> {
  const pattern = "[A-Za-z0-9_-]{43}";
  await db
    .update(notifications)
    .set({
      text: sql`regexp_replace(${notifications.text}, ${pattern}, '[removed]', 'g')`,
      html: sql`regexp_replace(${notifications.html}, ${pattern}, '[removed]', 'g')`,
    })
    .where(
      and(eq(notifications.id, notificationId), inArray(notifications.kind, ["password_reset", "email_verification"])),
    );
}
