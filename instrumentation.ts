// Runs once when the Next.js server starts: opens and migrates the database up front, so a
// misconfiguration or an embedded database held by another process stops the start at once; then
// keeps weekly schedules filled up to each worker's booking horizon as the days go by, and forgets
// Idempotency-Keys older than a week.
const ROLL_EVERY_MS = 60 * 60 * 1000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./db/client");
  const db = await getDb();
  const { rollWeeklySchedules } = await import("./lib/schedule/roll-weekly-schedules");
  const { purgeIdempotencyKeys } = await import("./db/queries/idempotency");
  // One timer per process, even if a dev reload runs this hook again.
  const state = globalThis as unknown as { __scheduleRoller?: NodeJS.Timeout };
  if (state.__scheduleRoller) return;
  const roll = () =>
    Promise.all([
      rollWeeklySchedules(db).catch((err) => console.error("[schedules] roll-forward failed:", err)),
      purgeIdempotencyKeys(db, new Date()).catch((err) => console.error("[idempotency] purge failed:", err)),
    ]);
  void roll();
  state.__scheduleRoller = setInterval(roll, ROLL_EVERY_MS);
  // The timer must never be what keeps the process alive.
  state.__scheduleRoller.unref();
  // Our server (lib/server) runs these when it stops, after the requests in flight have finished.
  const [{ onShutdown }, { closeDb }, { closeRateLimitStore }] = await Promise.all([
    import("./lib/server/shutdown-hooks"),
    import("./db/client"),
    import("./lib/rate-limit/store"),
  ]);
  onShutdown(() => clearInterval(state.__scheduleRoller));
  onShutdown(closeDb);
  onShutdown(closeRateLimitStore);
}
