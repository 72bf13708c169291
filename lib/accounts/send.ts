// Emailing a one-time link: a token row (its hash only), the rendered message as a notification row
// and its `notification-send` job, all on the caller's transaction, through lib/notifications' own
// mechanism (the send job, retries, the outbox without SMTP_URL). A rolled-back change sends nothing.
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { deleteExpiredAccountTokens, insertAccountToken } from "@/db/queries/account-tokens";
import { readBusiness } from "@/db/queries/business";
import { insertNotifications } from "@/db/queries/notifications";
import type { User } from "@/db/schema";
import type { AccountTokenPurpose } from "@/db/schema/account-tokens";
import { toBusinessJson } from "@/lib/contract/business";
import { enqueue, jobId } from "@/lib/jobs/enqueue";
import { senderDomain } from "@/lib/mail/transport";
import { appBaseUrl } from "@/lib/notifications/links";
import { messageLocale } from "@/lib/notifications/locale";
import { SEND_QUEUE } from "@/lib/notifications/notify";
import { renderAccountMessage } from "./messages";
import { newAccountToken, TOKEN_LIFETIME_MS } from "./tokens";

/** The page each purpose's link opens. */
export const ACCOUNT_PAGES: Record<AccountTokenPurpose, string> = {
  password_reset: "/reset-password",
  email_verification: "/verify-email",
};

/** The emailed link: the page, with the token in the fragment (never sent to a server, never logged). */
export function accountLink(purpose: AccountTokenPurpose, token: string): string {
  const url = new URL(ACCOUNT_PAGES[purpose], appBaseUrl());
  url.hash = `token=${token}`;
  return url.toString();
}

export type AccountMessage = {
  user: Pick<User, "id" | "email" | "name" | "locale">;
  purpose: AccountTokenPurpose;
  now: Date;
  /** The language of the request, used when the user has not chosen one. */
  requestLocale?: string | null;
  /** Makes the message once per key (a job that runs twice plans it once); random when omitted. */
  dedupeKey?: string;
};

/**
 * Issues a token for `purpose` and plans its message on `tx`. Answers the message's id, or null when
 * a message with the same dedupe key was already planned (then no token is issued either).
 */
export async function planAccountMessage(tx: Executor, message: AccountMessage): Promise<string | null> {
  const { user, purpose, now } = message;
  const { token, hash } = newAccountToken();
  const business = toBusinessJson(await readBusiness(tx));
  const locale = messageLocale(user.locale, message.requestLocale);
  const id = randomUUID();
  const rendered = renderAccountMessage({
    kind: purpose,
    locale,
    businessName: business.name,
    recipientName: user.name,
    link: accountLink(purpose, token),
    code: token,
  });
  const [inserted] = await insertNotifications(tx, [
    {
      id,
      appointmentId: null,
      userId: user.id,
      channel: "email",
      kind: purpose,
      toAddress: user.email,
      locale,
      ...rendered,
      messageId: `<${id}@${senderDomain()}>`,
      status: "pending",
      sendAfter: now,
      dedupeKey: `account:${purpose}:${message.dedupeKey ?? id}`,
    },
  ]);
  if (!inserted) return null;
  // The user's old tokens go as new ones come (no other housekeeping is needed: a user holds a few).
  await deleteExpiredAccountTokens(tx, user.id, now);
  await insertAccountToken(tx, {
    userId: user.id,
    purpose,
    tokenHash: hash,
    email: user.email,
    createdAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS),
  });
  await enqueue(tx, SEND_QUEUE, { notificationId: inserted.id }, { id: jobId(`notification:${inserted.id}`) });
  return inserted.id;
}
