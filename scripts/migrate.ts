import { databaseMode, getDb, pgliteDataDir } from "@/db/client";
import { runScript } from "./lib/run";

await runScript(async () => {
  await getDb();
  const where = databaseMode() === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${pgliteDataDir()}`;
  console.log(`Migrations applied to ${where}.`);
});
