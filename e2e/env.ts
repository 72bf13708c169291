import path from "node:path";

// Shared by playwright.config.ts (which creates the account before the server starts) and the
// fixtures (which sign in with it). Nothing here is a secret: the e2e database is thrown away.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${E2E_PORT}`;

export const E2E_MANAGER = {
  email: "e2e-manager@e2e.test",
  password: "e2e-manager-password",
  name: "E2E Manager",
} as const;

/** The SMTP server the e2e app sends its messages to (e2e/mail-sink.ts), and where it keeps them. */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORT + 25);
export const E2E_MAIL_DIR = path.join(import.meta.dirname, "..", ".data", "e2e-mail");
