// `npm run schedules:roll`: fills every weekly schedule with shifts up to its worker's booking
// horizon. The app does the same at start and every hour (instrumentation.ts); this is for cron,
// or to see what it would do now. Safe to run at any time, as often as you like.
import { getDb } from "@/db/client";
import { rollWeeklySchedules } from "@/lib/schedule/roll-weekly-schedules";
import { runScript } from "./lib/run";

await runScript(async () => {
  const reports = await rollWeeklySchedules(await getDb());
  const created = reports.reduce((sum, r) => sum + r.created, 0);
  console.log(`Weekly schedules rolled forward: ${reports.length} moved on, ${created} shift(s) created.`);
  for (const r of reports.filter((r) => r.created > 0 || r.skipped.length > 0)) {
    const skipped = r.skipped.length > 0 ? `, skipped ${r.skipped.join(" ")}` : "";
    console.log(`  worker ${r.workerId}: ${r.created} new through ${r.through}${skipped}`);
  }
});
