import path from "node:path";
import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, E2E_MAIL_DIR, E2E_MANAGER, E2E_PORT, E2E_SMTP_PORT } from "./e2e/env";

const CI = Boolean(process.env.CI);
const root = import.meta.dirname;
// A fresh embedded database per run, unless DATABASE_URL names a PostgreSQL server to use instead.
const dataDir = path.join(root, ".data", "e2e");
const shellQuote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

// The account must exist before `npm start` opens the database: PGlite allows one process at a time.
const createManager = [
  "npm run -s create-staff --",
  "--role manager",
  `--email ${shellQuote(E2E_MANAGER.email)}`,
  `--password ${shellQuote(E2E_MANAGER.password)}`,
  `--name ${shellQuote(E2E_MANAGER.name)}`,
].join(" ");
const resetDb = process.env.DATABASE_URL ? "true" : `rm -rf ${shellQuote(dataDir)} ${shellQuote(`${dataDir}.lock`)}`;

// The system Chromium (Debian package); flags keep it off this machine's closed network.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e",
  forbidOnly: CI,
  fullyParallel: true,
  retries: 0,
  workers: CI ? 2 : undefined,
  reporter: "list",
  // A whole test: the machine is two shared cores, and at a load average over 10 a journey of three
  // pages that takes 20 s takes past 30. Each step still fails within its own 10 s expect timeout.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E_BASE_URL,
    browserName: "chromium",
    launchOptions: chromium,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "api", testMatch: /api\.spec\.ts$/ },
    {
      name: "ui",
      testIgnore: /api\.spec\.ts$/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: "ui-phone",
      testIgnore: /api\.spec\.ts$/,
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    // The mail sink (a real SMTP server, e2e/mail-sink.ts) runs beside the app in its process group.
    command: [
      resetDb,
      `rm -rf ${shellQuote(E2E_MAIL_DIR)}`,
      createManager,
      "{ node --import tsx e2e/mail-sink.ts & }",
      `npm start -- -p ${E2E_PORT}`,
    ].join(" && "),
    url: `${E2E_BASE_URL}/api/v1/health`,
    cwd: root,
    env: {
      PGLITE_DATA_DIR: dataDir,
      SEED_DEMO: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every browser of the suite signs in from 127.0.0.1; the limits themselves have unit tests.
      RATE_LIMIT_AUTH_PER_15_MIN: "100000",
      RATE_LIMIT_API_PER_MINUTE: "100000",
      // Every guest booking of the suite comes from 127.0.0.1 too (lib/booking/guest-limits.ts).
      RATE_LIMIT_GUEST_BOOKING_PER_IP_HOUR: "100000",
      // e2e/webhooks.spec.ts delivers to a receiver it starts on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE: "1",
      // Messages go over SMTP to the mail sink, which the specs read as a mailbox (e2e/mailbox.ts).
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: "Slotwise E2E <no-reply@e2e.test>",
    },
    // `npm start` builds first when the build is missing or stale, which takes a minute or two.
    timeout: 300_000,
    // Locally a server already on the port is reused as it is: it must hold the e2e manager above.
    reuseExistingServer: !CI,
    // The build log helps when CI fails; locally it is noise.
    stdout: CI ? "pipe" : "ignore",
    stderr: "pipe",
  },
});
