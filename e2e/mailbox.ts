// The e2e server runs without SMTP_URL (its environment is fixed in playwright.config.ts for every
// spec), so its messages are kept in the outbox; a manager reads them there (GET /api/v1/outbox),
// as a mailbox would. The links' base is the server's APP_URL (unset here), so only their path and
// fragment are kept, to be opened on the server under test.
import { expect } from "@playwright/test";
import type { Api } from "./staff-data";

type OutboxMessage = { kind: string; to: string; subject: string; text: string; html: string };

/** The newest `kind` message to `to`, waiting for the job queue to write it (up to 20 s). */
export async function latestMessage(api: Api, to: string, kind: string): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const { items } = await api.get<{ items: OutboxMessage[] }>("/outbox?limit=200");
        found = items.find((m) => m.kind === kind && m.to.toLowerCase() === to.toLowerCase());
        return Boolean(found);
      },
      { timeout: 20_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found as OutboxMessage;
}

/** The path and fragment (`/reset-password#token=…`) of the link in the newest `kind` message to `to`. */
export async function linkIn(api: Api, to: string, kind: "password_reset" | "email_verification"): Promise<string> {
  const message = await latestMessage(api, to, kind);
  const link = message.text.match(/https?:\/\/\S+#token=[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, `a link in ${message.subject}`).toBeTruthy();
  const url = new URL(link as string);
  return `${url.pathname}${url.hash}`;
}

/** The token of that link. */
export const tokenOf = (link: string) => link.split("#token=")[1] as string;
