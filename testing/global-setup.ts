// Runs once before the whole suite. On PGlite, creating and migrating a database takes seconds of
// CPU; doing it once here and giving every test file a copy of the folder (setup.ts) costs a tenth
// of that per file. On PostgreSQL each file creates its own database instead (setup.ts).
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { closeDb, openPglite } from "@/db/client";
import { prepareJobQueues } from "./jobs";
import { scratchRoot } from "./scratch";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, closed PGlite data folder that test files copy; unset on PostgreSQL. */
    pgliteTemplate: string | undefined;
  }
}

/**
 * The job queue's tables and queues (lib/jobs) in the template, as the app's start prepares them:
 * a booking enqueues its messages in its own transaction, which needs them.
 */
async function prepareJobs(dataDir: string) {
  const previous = process.env.PGLITE_DATA_DIR;
  process.env.PGLITE_DATA_DIR = dataDir;
  try {
    await prepareJobQueues();
  } finally {
    await closeDb();
    if (previous === undefined) delete process.env.PGLITE_DATA_DIR;
    else process.env.PGLITE_DATA_DIR = previous;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("pgliteTemplate", undefined);
    return;
  }
  const root = mkdtempSync(path.join(scratchRoot(), "slotwise-tests-"));
  const template = path.join(root, "template");
  const handle = await openPglite(template);
  await handle.close();
  await prepareJobs(template);
  project.provide("pgliteTemplate", template);
  return () => rmSync(root, { recursive: true, force: true });
}
