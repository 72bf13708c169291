// Email over SMTP (nodemailer). Settings by environment: SMTP_URL (smtp://user:pass@host:587, or
// smtps:// for TLS from the first byte) and MAIL_FROM (the sender, e.g. "Slotwise <no-reply@example.com>").
// Without SMTP_URL nothing is sent: the messages stay in the outbox (lib/notifications/send.ts).
import nodemailer, { type Transporter } from "nodemailer";

export type MailSettings = { url: string; from: string };

const DEFAULT_FROM = "Slotwise <no-reply@localhost>";

/** The SMTP settings, or null when SMTP_URL is not set (outbox mode). */
export function mailSettings(): MailSettings | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: process.env.MAIL_FROM?.trim() || DEFAULT_FROM };
}

/** The domain of the sender's address, for Message-IDs. */
export function senderDomain(): string {
  const from = process.env.MAIL_FROM ?? "";
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1];
  return domain ?? "slotwise.invalid";
}

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@domain>`: a resend of the same message carries the same one. */
  messageId: string;
  attachments?: { filename: string; content: string; contentType: string }[];
  /** Extra headers, e.g. `X-Slotwise-Kind` (what the message is about), for mail filters. */
  headers?: Record<string, string>;
};

// One pooled transport per SMTP_URL, kept on globalThis like the database handle.
const globalForMail = globalThis as unknown as { __slotwiseMail?: { url: string; transport: Transporter } };

function transportFor(url: string): Transporter {
  const current = globalForMail.__slotwiseMail;
  if (current?.url === url) return current.transport;
  current?.transport.close();
  const transport = nodemailer.createTransport(url, {
    // A send that hangs fails within these, well inside the send job's time limit.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  globalForMail.__slotwiseMail = { url, transport };
  return transport;
}

/** Sends one message; resolves with the server's answer once it accepted it, rejects otherwise. */
export async function sendMail(settings: MailSettings, mail: OutgoingMail): Promise<{ response: string }> {
  const info = await transportFor(settings.url).sendMail({
    from: settings.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    attachments: mail.attachments,
    headers: mail.headers,
  });
  if (info.rejected.length > 0) throw new Error(`SMTP server rejected ${info.rejected.join(", ")}`);
  return { response: String(info.response ?? "") };
}

/** Closes the pooled connection (tests, shutdown). */
export function closeMail(): void {
  globalForMail.__slotwiseMail?.transport.close();
  globalForMail.__slotwiseMail = undefined;
}
