import nextEnv from "@next/env";
import { closeDb, DatabaseInUseError } from "@/db/client";

/** Loads .env files the way Next.js does, so scripts and the app see the same configuration. */
export function loadEnv(forceReload = false) {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", undefined, forceReload);
}

/** Exit code for a refusal the user can fix (bad input, database in use). */
export class ScriptError extends Error {}

/**
 * Runs a script's body with the environment loaded and the database closed afterwards; expected
 * failures print one clear line and exit 1, anything else prints its stack and exits 1 too.
 */
export async function runScript(main: () => Promise<void>) {
  loadEnv();
  let code = 0;
  try {
    await main();
  } catch (err) {
    code = 1;
    if (err instanceof ScriptError || err instanceof DatabaseInUseError) console.error(`error: ${err.message}`);
    else console.error(err);
  } finally {
    await closeDb().catch((err) => console.error("error closing the database:", err));
  }
  process.exit(code);
}
