// The `notification-send` job: sends one stored message (or keeps it in the outbox when SMTP_URL is
// not set) and records the outcome on its row.
//
// Once, as far as it can be: the row is claimed first (pending → sending, in its own committed
// statement), so a second run of the job (pg-boss runs each job at least once) finds it sending or
// sent and does nothing; the outcome is recorded right after the SMTP server accepted the message.
// What remains is at least once: if the process dies after the server accepted the message and
// before `sent` is recorded, the claim lapses after CLAIM_LEASE_SECONDS and the retry sends it again,
// with the same Message-ID (receivers and mail stores may fold the two). A crash before the send
// (claimed, nothing sent) likewise ends in a retry, never in a loss.
//
// A reminder is checked when it is due: it goes out only while its appointment is still booked and
// still starts when it did when the reminder was planned; otherwise it is dropped.
import { getDb } from "@/db/client";
import { redactAccountMessage } from "@/db/queries/account-tokens";
import { appointmentState, claimNotification, findNotification, finishNotification } from "@/db/queries/notifications";
import type { Notification } from "@/db/schema/notifications";
import { type JobContext, queues } from "@/lib/jobs/queues";
import { mailSettings, sendMail } from "@/lib/mail/transport";
import { withManageToken } from "./manage-link";

/** The tries a message has in all: the send queue's retries and the first. */
const MAX_SEND_ATTEMPTS = queues["notification-send"].settings.retryLimit + 1;

/** A claim older than this belongs to a sender that died: longer than the job's time limit (120 s). */
export const CLAIM_LEASE_SECONDS = 150;

export type SendOutcome = "sent" | "outbox" | "dropped" | "skipped";

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

async function stillDue(notification: Notification): Promise<boolean> {
  if (notification.kind !== "reminder") return true;
  if (!notification.appointmentId || !notification.plannedStart) return false;
  const state = await appointmentState(await getDb(), notification.appointmentId);
  return state?.status === "booked" && state.startAt.getTime() === notification.plannedStart.getTime();
}

/** Runs one try of sending the message `notificationId`; throws (so the job is retried) when the send fails. */
export async function sendNotification(
  notificationId: string,
  job: JobContext,
  now = new Date(),
): Promise<SendOutcome> {
  const db = await getDb();
  const claimed = await claimNotification(db, notificationId, now, CLAIM_LEASE_SECONDS);
  if (!claimed) {
    const current = await findNotification(db, notificationId);
    // Being sent by another try right now: this one waits for its turn as a retry.
    if (current?.status === "sending") throw new Error("the message is being sent by another try");
    return "skipped";
  }
  if (!(await stillDue(claimed))) {
    await finishNotification(db, claimed.id, { status: "dropped", manageTokenSealed: null });
    return "dropped";
  }
  const settings = mailSettings();
  if (!settings) {
    // Kept, not sent: with the manage link's placeholder, and without the token.
    await finishNotification(db, claimed.id, { status: "outbox", lastError: null, manageTokenSealed: null });
    return "outbox";
  }
  // The manage link's token is put in here, as the message goes out (./manage-link.ts).
  const body = withManageToken(claimed);
  try {
    await sendMail(settings, {
      to: claimed.toAddress,
      subject: claimed.subject,
      text: body.text,
      html: body.html,
      messageId: claimed.messageId,
      headers: { "X-Slotwise-Kind": claimed.kind },
      attachments: claimed.ics
        ? [{ filename: "appointment.ics", content: claimed.ics, contentType: "text/calendar; charset=utf-8" }]
        : undefined,
    });
  } catch (err) {
    // The job's last try, or the message's (a job the sweep enqueued again has tries of its own).
    const last = job.attempt >= job.attempts || claimed.attempts >= MAX_SEND_ATTEMPTS;
    await finishNotification(db, claimed.id, { status: last ? "failed" : "pending", lastError: errorText(err) });
    throw err;
  }
  // Sent: the sealed manage token is not kept either.
  await finishNotification(db, claimed.id, {
    status: "sent",
    sentAt: new Date(),
    lastError: null,
    manageTokenSealed: null,
  });
  // A password-reset or verification link is not kept once sent (lib/accounts: tokens stored hashed).
  await redactAccountMessage(db, claimed.id);
  return "sent";
}
