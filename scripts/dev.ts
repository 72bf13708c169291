// `npm run dev`: Next.js with hot reload behind the same HTTP server as production (client address,
// timeouts, graceful stop); a fresh clone gets an AUTH_SECRET in .env.local first.
import { startNextServer } from "@/lib/server/next-server";
import { ensureLocalEnv } from "./lib/local-env";
import { loadEnv } from "./lib/run";

loadEnv();
ensureLocalEnv();
try {
  await startNextServer({ dev: true, args: process.argv.slice(2) });
} catch (err) {
  console.error(err);
  process.exit(1);
}
