// A real SMTP server for tests (smtp-server), listening on a free loopback port: what arrives is
// parsed with mailparser and kept per recipient, as a mailbox would show it. Recipients can be made
// to refuse mail (550), as a mailbox that does not exist. The app is pointed at it through SMTP_URL,
// MAIL_FROM and APP_URL, as in production; `close()` stops it, closes the app's transport and
// forgets SMTP_URL again.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { closeMail } from "@/lib/mail/transport";

/** One message as one recipient got it (a message to two recipients is received twice). */
export type Received = { mail: ParsedMail; to: string };

export type TestSmtp = {
  /** Everything received so far, in order of arrival. */
  received: Received[];
  /** The messages `address` got, in order of arrival. */
  mailsTo(address: string): Received[];
  /** Recipients whose RCPT TO the server answers 550 (add and delete as the test goes). */
  refused: Set<string>;
  url: string;
  close(): Promise<void>;
};

/**
 * Starts the server and points the app at it: SMTP_URL, and MAIL_FROM and APP_URL unless `env`
 * gives others.
 */
export async function startTestSmtp(env: { mailFrom?: string; appUrl?: string } = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address)) return callback();
      callback(Object.assign(new Error("5.1.1 mailbox unavailable"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const rcpt of session.envelope.rcptTo) received.push({ mail, to: rcpt.address });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;
  process.env.SMTP_URL = url;
  process.env.MAIL_FROM = env.mailFrom ?? "Slotwise Salon <salon@example.test>";
  process.env.APP_URL = env.appUrl ?? "https://book.example.test";
  return {
    received,
    mailsTo: (address) => received.filter((r) => r.to === address),
    refused,
    url,
    async close() {
      closeMail();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      delete process.env.SMTP_URL;
    },
  };
}
