// Runs once when the Next.js server starts: opens and migrates the database up front, so a
// misconfiguration or an embedded database held by another process stops the start at once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./db/client");
  await getDb();
}
