// `npm run db:seed`: adds the demo clinic and barbershop to whatever database the app uses. Safe to
// run again: it only adds what is missing (see scripts/seed/demo.ts).
import { databaseMode, getDb, pgliteDataDir } from "@/db/client";
import { printDemoLogins, seedDemo } from "@/scripts/seed/demo";
import { runScript } from "./lib/run";

await runScript(async () => {
  const { created, total } = await seedDemo(await getDb());
  const where = databaseMode() === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${pgliteDataDir()}`;
  console.log(`Demo data seeded into ${where}.`);
  for (const [table, count] of Object.entries(total)) {
    console.log(`  ${table.padEnd(12)} ${String(count).padStart(5)}  (${created[table as keyof typeof created]} new)`);
  }
  console.log(printDemoLogins());
});
