// The production server alone, with nothing to prepare: what the container image runs, bundled by
// esbuild into the standalone build (Dockerfile). `npm start` prepares, builds, then serves the same way.
import { startNextServer } from "@/lib/server/next-server";

try {
  await startNextServer({ dev: false, args: process.argv.slice(2) });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
