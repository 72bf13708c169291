// The e2e server's mail server: a real SMTP server (smtp-server) that the app sends to over
// SMTP_URL, as it would to a provider, and that keeps each message it accepts as one JSON file in
// E2E_MAIL_DIR for the specs to read (e2e/mailbox.ts). Started by playwright.config.ts beside the app,
// in the same process group, so it stops with it; it also stops once its parent is gone.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { E2E_MAIL_DIR, E2E_SMTP_PORT } from "./env";

mkdirSync(E2E_MAIL_DIR, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const kind = mail.headers.get("x-slotwise-kind");
        for (const rcpt of session.envelope.rcptTo) {
          count += 1;
          const name = `${Date.now()}-${process.pid}-${count}`;
          const message = {
            to: rcpt.address,
            kind: typeof kind === "string" ? kind : null,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            attachments: mail.attachments.map((a) => a.filename ?? ""),
            receivedAt: new Date().toISOString(),
          };
          // Written whole, then renamed: a reader never sees half a message.
          const temporary = path.join(E2E_MAIL_DIR, `.${name}.tmp`);
          writeFileSync(temporary, JSON.stringify(message));
          renameSync(temporary, path.join(E2E_MAIL_DIR, `${name}.json`));
        }
        callback();
      })
      .catch(callback);
  },
});

server.listen(E2E_SMTP_PORT, "127.0.0.1", () => {
  console.log(`e2e mail sink on 127.0.0.1:${E2E_SMTP_PORT}, keeping messages in ${E2E_MAIL_DIR}`);
});
// Outlive no one: when the shell that started us is gone, stop.
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    process.exit(0);
  }
}, 1000).unref();
process.on("SIGTERM", () => server.close(() => process.exit(0)));
