// Joining the waitlist without an account (API.md "Waitlist", guests): POST /waitlist with no
// credentials and `client: { name, email, phone? }`. The same checks and refusals as a client's join
// (./entries.ts joinAs), under the guest record of that email (lib/people/guest-client.ts, the one
// guest bookings use), within budgets per IP and per email (lib/rate-limit/guest-budget.ts). In the
// join's transaction, a confirmation message is planned to that address with the entry's leave link
// (./leave-token.ts); DELETE /waitlist/{id} with that token takes that one entry off the list.
import { randomUUID } from "node:crypto";
import { type Executor, getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { findGuestClient } from "@/db/queries/manage-tokens";
import { insertNotifications } from "@/db/queries/notifications";
import { findWaitlistRow, removeWaitlistEntry, type WaitlistRow } from "@/db/queries/waitlist";
import { toWaitlistEntryJson, type WaitlistEntryJson } from "@/lib/contract/waitlist";
import { invalidToken, validationFailed } from "@/lib/errors";
import { enqueue, jobId } from "@/lib/jobs/enqueue";
import { senderDomain } from "@/lib/mail/transport";
import { messageLocale } from "@/lib/notifications/locale";
import { leaveLinkTemplate } from "@/lib/notifications/manage-link";
import { SEND_QUEUE } from "@/lib/notifications/notify";
import { type GuestDetails, guestClientRecord } from "@/lib/people/guest-client";
import { spendGuestBudget } from "@/lib/rate-limit/guest-budget";
import type { WaitlistCreate } from "@/lib/validation/waitlist";
import { joinAs } from "./entries";
import { checkLeaveToken, mintLeaveToken, recordLeaveTokens } from "./leave-token";
import { renderWaitlistJoinedMessage } from "./messages";

/** Changeable with RATE_LIMIT_GUEST_WAITLIST_PER_IP_HOUR and RATE_LIMIT_GUEST_WAITLIST_PER_EMAIL_HOUR. */
const GUEST_WAITLIST = {
  name: "guest-waitlist",
  perIp: { env: "RATE_LIMIT_GUEST_WAITLIST_PER_IP_HOUR", fallback: 20 },
  perEmail: { env: "RATE_LIMIT_GUEST_WAITLIST_PER_EMAIL_HOUR", fallback: 5 },
};

/** The guest's details from the body: the email is required (the confirmation and the leave link go there). */
function guestDetails(body: WaitlistCreate): GuestDetails {
  const client = body.client;
  if (!client) throw validationFailed("client", "Give your name and email as client to join without an account.");
  const email = client.email?.trim().toLowerCase();
  if (!email) throw validationFailed("client.email", "Give an email: the news of a free time is sent there.");
  return { name: client.name, email, phone: client.phone ?? null };
}

/** The confirmation with the leave link, planned in the join's transaction. */
async function planConfirmation(
  tx: Executor,
  joined: { row: WaitlistRow; locale: string | undefined; businessName: string },
  to: string,
): Promise<void> {
  const { row } = joined;
  const locale = messageLocale(joined.locale);
  const leave = mintLeaveToken(row.entry.id);
  const id = randomUUID();
  const [inserted] = await insertNotifications(tx, [
    {
      id,
      appointmentId: null,
      waitlistEntryId: row.entry.id,
      userId: null,
      channel: "email",
      kind: "waitlist_joined",
      toAddress: to,
      locale,
      ...renderWaitlistJoinedMessage({
        locale,
        businessName: joined.businessName,
        recipientName: row.client.name,
        serviceName: row.service.name,
        workerName: row.worker?.name ?? null,
        date: row.entry.date,
        from: row.entry.fromTime,
        to: row.entry.toTime,
        leaveLink: leaveLinkTemplate(row.entry.id),
      }),
      manageTokenSealed: leave.sealed,
      messageId: `<${id}@${senderDomain()}>`,
      status: "pending",
      sendAfter: new Date(),
      dedupeKey: `waitlist-joined:${row.entry.id}`,
    },
  ]);
  if (!inserted) return;
  await recordLeaveTokens(tx, [leave]);
  await enqueue(tx, SEND_QUEUE, { notificationId: inserted.id }, { id: jobId(`notification:${inserted.id}`) });
}

/** Joins as a guest (201 entry), within the IP's and the email's budgets (429 rate_limited). */
export async function joinWaitlistAsGuest(
  body: WaitlistCreate,
  p: { ip: string; now: Date },
): Promise<WaitlistEntryJson> {
  if (body.clientId) throw validationFailed("clientId", "Only staff put another client on the list.");
  const guest = guestDetails(body);
  await spendGuestBudget(GUEST_WAITLIST, p.ip, guest.email);
  return joinAs(
    {
      actorId: null,
      client: (tx) => guestClientRecord(tx, guest),
      clientAfterRace: async (db) => (await findGuestClient(db, guest.email))?.id,
      afterJoin: (tx, joined) => planConfirmation(tx, joined, guest.email),
    },
    body,
    p.now,
  );
}

/** A leave link's DELETE: takes its one entry off the list while it is active; else 400 invalid_token. */
export async function leaveWaitlistByToken(token: string, id: string, now: Date): Promise<void> {
  const db = await getDb();
  await checkLeaveToken(db, token, id);
  await db.transaction(async (tx) => {
    const row = await findWaitlistRow(tx, id);
    if (!row || !(await removeWaitlistEntry(tx, id, now))) throw invalidToken();
    await recordAudit(tx, {
      actorId: null,
      action: "waitlist.leave",
      entity: "waitlist_entry",
      entityId: id,
      before: toWaitlistEntryJson(row),
    });
  });
}
