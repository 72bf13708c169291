// Email verification (API.md "v1 extensions" → Accounts). Registration plans the first link in its
// own transaction (register.ts); a signed-in user may ask again (POST /auth/verify-email/resend,
// limited per user). Using the link (POST /auth/verify-email) marks the address verified, if it is
// still the account's address. Only a verified address lets the desk be offered to link a client
// record with the same email to the account (lib/people/clients.ts accountOfClient).
import type { Executor } from "@/db/client";
import { getDb } from "@/db/client";
import { consumeAccountToken, markEmailVerified, spendUserTokens } from "@/db/queries/account-tokens";
import { findUserById } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { adoptGuestClient } from "@/lib/booking/guest-adopt";
import { invalidToken, notFound } from "@/lib/errors";
import { requestLocale } from "@/lib/notifications/locale";
import { spendOrRefuse } from "./limits";
import { planAccountMessage } from "./send";
import { accountTokenHash } from "./tokens";

/** Plans the verification link for a new (or unverified) account on `tx`. */
export async function planEmailVerification(tx: Executor, user: User, now = new Date()): Promise<void> {
  await planAccountMessage(tx, {
    user,
    purpose: "email_verification",
    now,
    requestLocale: await requestLocale(),
  });
}

/** Uses a verification token; 400 invalid_token when it does not work. Answers the user, verified. */
export async function verifyEmail(token: string, now = new Date()): Promise<User> {
  const hash = accountTokenHash(token);
  if (!hash) throw invalidToken();
  const db = await getDb();
  const user = await db.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, hash, "email_verification", now);
    if (!used) return undefined;
    const verified = await markEmailVerified(tx, used.userId, used.email, now);
    // A link sent to an address the account no longer has proves nothing about the current one.
    if (!verified) return undefined;
    await adoptGuestClient(tx, verified.id, verified.email);
    await spendUserTokens(tx, used.userId, now, "email_verification");
    return verified;
  });
  if (!user) throw invalidToken();
  return user;
}

export type ResendOutcome = "sent" | "already_verified";

/** Sends the signed-in user a fresh verification link, within their budget (429 beyond it). */
export async function resendVerification(userId: string, now = new Date()): Promise<ResendOutcome> {
  const user = await findUserById(userId);
  if (!user) throw notFound("User");
  if (user.emailVerifiedAt) return "already_verified";
  await spendOrRefuse("verifyResend", user.id);
  const db = await getDb();
  await db.transaction((tx) => planEmailVerification(tx, user, now));
  return "sent";
}

/** Whether the user's current address is verified. */
export const isEmailVerified = (user: Pick<User, "emailVerifiedAt">) => user.emailVerifiedAt !== null;

/** For the banner: whether the signed-in user should be asked to verify (clients with an unverified address). */
export async function needsVerification(userId: string): Promise<boolean> {
  const user = await findUserById(userId);
  return user !== undefined && user.role === "client" && !isEmailVerified(user);
}
