// `npm run worker`: runs the job queue (lib/jobs) in a process of its own, for deployments that keep
// the app's instances to answering requests (start them with JOBS_IN_APP=0). Run as many as you
// like: each job is claimed by one worker, and each cron schedule fires once per period across them
// all. PostgreSQL only: the embedded database serves one process, and the app works its queue itself.
// SIGTERM or SIGINT stops it: running jobs get up to JOBS_STOP_TIMEOUT_SECONDS (default 20) to finish.
import { closeDb, DatabaseInUseError, databaseMode, getDb } from "@/db/client";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { loadEnv } from "./lib/run";

loadEnv();
if (databaseMode() === "pglite") {
  console.error(
    "error: the worker needs PostgreSQL (set DATABASE_URL). The embedded database serves one process, " +
      "so with it the app runs the job worker itself: `npm start` is all you need.",
  );
  process.exit(1);
}

const stopSeconds = Number(process.env.JOBS_STOP_TIMEOUT_SECONDS ?? 20);
try {
  await getDb();
  const jobs = await startJobs({ work: true });
  const periodic = Object.entries(jobs.schedules).map(([name, cron]) => `${name} at "${cron}" UTC`);
  console.log(`Job worker running (${periodic.join(", ")}). Stop it with Ctrl-C or SIGTERM.`);
} catch (err) {
  console.error(err instanceof DatabaseInUseError ? `error: ${err.message}` : err);
  await stopJobs().catch(() => {});
  await closeDb().catch(() => {});
  process.exit(1);
}

let stoppingSince: number | undefined;
const stop = async (signal: NodeJS.Signals) => {
  // Ctrl-C reaches us twice at once (from the terminal and forwarded by npm): only a signal a second
  // or more later means "stop now".
  if (stoppingSince !== undefined) {
    if (Date.now() - stoppingSince > 1_000) process.exit(1);
    return;
  }
  stoppingSince = Date.now();
  console.log(`${signal}: stopping; running jobs get up to ${stopSeconds} s.`);
  let code = 0;
  try {
    await stopJobs(stopSeconds * 1000);
    await closeDb();
  } catch (err) {
    console.error("stopping failed:", err);
    code = 1;
  }
  console.log("Stopped.");
  process.exit(code);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
