// `npm run db:reset`: wipes the database, migrates it from scratch and loads the demo data.
// On PostgreSQL it refuses a non-local server unless --force is given.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDb, databaseMode, getDb } from "@/db/client";
import { printDemoLogins, seedDemo } from "@/scripts/seed/demo";
import { runScript, ScriptError } from "./lib/run";

await runScript(async () => {
  const { values } = parseArgs({ options: { force: { type: "boolean" }, "no-seed": { type: "boolean" } } });
  const url = process.env.DATABASE_URL;
  if (url && !["localhost", "127.0.0.1", "::1", "[::1]"].includes(new URL(url).hostname) && !values.force) {
    throw new ScriptError(`refusing to wipe the database on ${new URL(url).hostname}; pass --force if you mean it.`);
  }
  const db = await getDb();
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`drop schema public cascade`);
  await db.execute(sql`create schema public`);
  await closeDb();
  // Opening again applies every migration to the now empty database.
  const fresh = await getDb();
  console.log(`Database wiped and migrated (${databaseMode()}).`);
  if (!values["no-seed"]) {
    console.log("Demo data:", await seedDemo(fresh));
    console.log(printDemoLogins());
  }
});
