// Runs once before the whole suite. On PGlite, creating and migrating a database takes seconds of
// CPU; doing it once here and giving every test file a copy of the folder (setup.ts) costs a tenth
// of that per file. On PostgreSQL each file creates its own database instead (setup.ts).
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "@/db/client";
import { scratchRoot } from "./scratch";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, closed PGlite data folder that test files copy; unset on PostgreSQL. */
    pgliteTemplate: string | undefined;
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
  project.provide("pgliteTemplate", template);
  return () => rmSync(root, { recursive: true, force: true });
}
