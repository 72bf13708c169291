// The e2e server sends its messages over SMTP to the mail sink (e2e/mail-sink.ts, a real SMTP server
// started beside it by playwright.config.ts), which keeps each one as a JSON file; this reads them as
// a mailbox would. The links' base is the server's APP_URL (unset here), so only their path and
// fragment are kept, to be opened on the server under test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { E2E_MAIL_DIR } from "./env";

export type ReceivedMessage = {
  to: string;
  /** The X-Slotwise-Kind header: confirmation, reminder, password_reset, … */
  kind: string | null;
  subject: string;
  text: string;
  html: string;
  attachments: string[];
  receivedAt: string;
};

/** Every message the sink has received, oldest first. */
export function receivedMessages(): ReceivedMessage[] {
  let names: string[];
  try {
    names = readdirSync(E2E_MAIL_DIR).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
  return names
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b))
    .map((name) => JSON.parse(readFileSync(path.join(E2E_MAIL_DIR, name), "utf8")) as ReceivedMessage);
}

/** The newest `kind` message to `to`, waiting for the job queue to send it (up to 20 s). */
export async function latestMessage(to: string, kind: string): Promise<ReceivedMessage> {
  let found: ReceivedMessage | undefined;
  await expect
    .poll(
      () => {
        found = receivedMessages()
          .reverse()
          .find((m) => m.kind === kind && m.to.toLowerCase() === to.toLowerCase());
        return Boolean(found);
      },
      { timeout: 20_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found as ReceivedMessage;
}

/** The path and fragment (`/reset-password#token=…`) of the link in the newest `kind` message to `to`. */
export async function linkIn(to: string, kind: "password_reset" | "email_verification"): Promise<string> {
  const message = await latestMessage(to, kind);
  const link = message.text.match(/https?:\/\/\S+#token=[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, `a link in ${message.subject}`).toBeTruthy();
  const url = new URL(link as string);
  return `${url.pathname}${url.hash}`;
}

/** The token of that link. */
export const tokenOf = (link: string) => link.split("#token=")[1] as string;
