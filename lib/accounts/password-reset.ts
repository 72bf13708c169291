// Password reset (API.md "v1 extensions" → Accounts).
//
// Asking (POST /auth/password-reset) does the same work whatever the address: it spends the budgets
// and enqueues one `account-password-reset` job carrying the address, then answers 202. Whether the
// address belongs to anyone is found out only by the job, later and elsewhere, so neither the
// answer nor its timing tells. The job issues the token and plans the message (send.ts).
//
// Confirming (POST /auth/password-reset/confirm) uses the token once, in one statement, sets the new
// password (which bumps the user's session version: every session and bearer token they held stops
// working), and spends every other unused token of the user. Opening the link proves the mailbox, so
// the address counts as verified too.
import { getDb } from "@/db/client";
import { consumeAccountToken, markEmailVerified, spendUserTokens } from "@/db/queries/account-tokens";
import { recordAudit } from "@/db/queries/audit";
import { findUserByEmail, findUserById, updateUser } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { invalidToken } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import type { JobContext } from "@/lib/jobs/queues";
import type { PasswordResetConfirm } from "@/lib/validation/accounts";
import { spendOrRefuse, spendQuietly } from "./limits";
import { planAccountMessage } from "./send";
import { accountTokenHash } from "./tokens";

export const RESET_QUEUE = "account-password-reset";

/**
 * Spends the caller IP's reset budget (429 when used up) and the address's (quietly: over it,
 * nothing is sent, the answer is the same), then enqueues the job. Answers nothing, ever, about
 * the address.
 */
export async function requestPasswordReset(input: { email: string; ip: string; locale?: string | null }) {
  await spendOrRefuse("resetIp", input.ip);
  const address = input.email.trim().toLowerCase();
  if (!(await spendQuietly("resetEmail", address))) return;
  await enqueue(await getDb(), RESET_QUEUE, {
    email: input.email.trim(),
    locale: input.locale === "en" || input.locale === "ru" ? input.locale : null,
  });
}

/**
 * The job: when the address belongs to an account that is not blocked, issues a reset token and
 * plans its message, once per job (a job run twice plans one message). Answers whether it did.
 */
export async function sendPasswordResetLink(
  data: { email: string; locale: "en" | "ru" | null },
  job: Pick<JobContext, "id">,
  now = new Date(),
): Promise<{ planned: boolean }> {
  const db = await getDb();
  const user = await findUserByEmail(data.email, db);
  if (!user || user.blocked) return { planned: false };
  const id = await db.transaction((tx) =>
    planAccountMessage(tx, { user, purpose: "password_reset", now, requestLocale: data.locale, dedupeKey: job.id }),
  );
  return { planned: id !== null };
}

/** Sets the new password with a reset token; 400 invalid_token for any token that does not work. */
export async function confirmPasswordReset(input: PasswordResetConfirm, now = new Date()): Promise<User> {
  const hash = accountTokenHash(input.token);
  if (!hash) throw invalidToken();
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  const user = await db.transaction(async (tx) => {
    const token = await consumeAccountToken(tx, hash, "password_reset", now);
    if (!token) return undefined;
    const changed = await updateUser(token.userId, { passwordHash }, tx);
    if (!changed) return undefined;
    await spendUserTokens(tx, token.userId, now);
    const verified = await markEmailVerified(tx, token.userId, token.email, now);
    await recordAudit(tx, {
      actorId: token.userId,
      action: "user.password_reset",
      entity: "user",
      entityId: token.userId,
    });
    return verified ?? changed;
  });
  if (!user) throw invalidToken();
  return (await findUserById(user.id)) ?? user;
}
