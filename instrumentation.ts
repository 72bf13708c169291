// Runs once when the Next.js server starts: opens and migrates the database up front, so a
// misconfiguration or an embedded database held by another process stops the start at once; then
// starts the job queue (lib/jobs). By default this process also works it: it rolls weekly schedules
// forward at start and every hour, forgets Idempotency-Keys older than a week every hour, and runs
// whatever later features enqueue. With JOBS_IN_APP=0 (PostgreSQL only) the app only enqueues, and
// `npm run worker` processes run the jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { closeDb, databaseMode, getDb } = await import("./db/client");
  await getDb();
  // Once per process, even if a dev reload runs this hook again.
  const state = globalThis as unknown as { __slotwiseStarted?: boolean };
  if (state.__slotwiseStarted) return;
  state.__slotwiseStarted = true;
  const [{ startJobs, stopJobs }, { onShutdown }, { closeRateLimitStore }] = await Promise.all([
    import("./lib/jobs/runtime"),
    import("./lib/server/shutdown-hooks"),
    import("./lib/rate-limit/store"),
  ]);
  const embedded = databaseMode() === "pglite";
  const apart = process.env.JOBS_IN_APP === "0";
  if (apart && embedded) {
    console.warn(
      "JOBS_IN_APP=0 is ignored: the embedded database serves one process, so the app runs the job worker itself.",
    );
  }
  const jobs = await startJobs({ work: !apart || embedded });
  const periodic = Object.entries(jobs.schedules).map(([name, cron]) => `${name} at "${cron}" UTC`);
  console.log(
    jobs.working
      ? `Job worker running in this process (${periodic.join(", ")}).`
      : "Jobs are enqueued here and run by `npm run worker` (JOBS_IN_APP=0).",
  );
  // Our server (lib/server) runs these when it stops, after the requests in flight have finished. The
  // queue lets its running jobs finish and stops before the database it works on closes.
  onShutdown(async () => {
    await stopJobs(3_000);
    await closeDb();
  });
  onShutdown(closeRateLimitStore);
}
