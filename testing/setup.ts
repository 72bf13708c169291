// Runs before every test file, in that file's own process: gives the file a fresh database of its
// own (migrated on first use by getDb), so files run in parallel without seeing each other's rows
// (STYLE.md item 10). On PGlite the copy of a migrated template (global-setup.ts) takes a fraction
// of a second; on PostgreSQL a database is created per file.
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";
import { closeRateLimitStore } from "@/lib/rate-limit/store";

process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
// Rate-limit counters of this file alone, even when the suite shares one Redis (REDIS_URL); and
// request log lines only for failures, so test output stays readable.
process.env.RATE_LIMIT_PREFIX = `test-${process.pid}-${randomBytes(4).toString("hex")}`;
process.env.LOG_LEVEL ??= "error";

// The server the suite was pointed at; remembered apart from DATABASE_URL, which becomes this file's.
// (Assigning undefined to process.env would store the string "undefined".)
if (process.env.DATABASE_URL) process.env.TEST_SERVER_DATABASE_URL ??= process.env.DATABASE_URL;
const adminUrl = process.env.TEST_SERVER_DATABASE_URL;
let dropDatabase: (() => void | Promise<void>) | undefined;

if (adminUrl) {
  const url = new URL(adminUrl);
  if (!["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(url.hostname)) {
    throw new Error(`Refusing to create test databases on non-local host ${url.hostname}.`);
  }
  const name = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  // The job queue's tables and queues, which a booking's enqueue needs (the PGlite template has them).
  await (await import("./jobs")).prepareJobQueues();
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
} else {
  // A copy of the suite's migrated template (global-setup.ts), in a folder of this file's own.
  const template = inject("pgliteTemplate");
  if (template) {
    // Inside the suite's own folder, which global-setup.ts removes whole: nothing is left behind even
    // when a file's process ends before its afterAll.
    const folder = mkdtempSync(path.join(path.dirname(template), "file-"));
    process.env.PGLITE_DATA_DIR = path.join(folder, "db");
    cpSync(template, process.env.PGLITE_DATA_DIR, { recursive: true });
    dropDatabase = () => rmSync(folder, { recursive: true, force: true });
  } else {
    process.env.PGLITE_DATA_DIR = "memory://";
  }
}

afterAll(async () => {
  await closeDb();
  await closeRateLimitStore();
  await dropDatabase?.();
});
