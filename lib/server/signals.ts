// SIGTERM (a service manager, `kill`, `docker stop`) and SIGINT (Ctrl-C) stop the server: the
// process exits once it has stopped, so nothing is left answering after it was told to stop.
import type { Server } from "node:http";
import { stopServer } from "./http-server";
import { runShutdownHooks } from "./shutdown-hooks";

/** How long requests in flight may take to finish once a stop is asked for. */
export const GRACE_MS = 10_000;
/** Signals closer together than this are one request to stop. */
const REPEAT_WINDOW_MS = 1_000;
/** How long each release step (the database, Redis) may take. */
const HOOK_TIMEOUT_MS = 5_000;

/**
 * On the first SIGTERM or SIGINT: stop accepting, let requests in flight finish (at most GRACE_MS),
 * run `beforeRelease` (Next.js's own close), release what the app registered, and exit 0. Another
 * signal a second or more later exits at once.
 */
export function stopOnSignals(server: Server, beforeRelease: () => Promise<unknown> = async () => {}) {
  let stoppingSince: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      // Ctrl-C reaches the server twice at once, from the terminal and forwarded by npm: only a
      // signal sent later means "stop now".
      if (Date.now() - stoppingSince > REPEAT_WINDOW_MS) process.exit(1);
      return;
    }
    stoppingSince = Date.now();
    console.log(`${signal}: stopping; requests in flight get up to ${GRACE_MS / 1000} s.`);
    stopServer(server, GRACE_MS)
      .then(beforeRelease)
      .then(() => runShutdownHooks(HOOK_TIMEOUT_MS))
      .then(
        () => {
          console.log("Stopped.");
          process.exit(0);
        },
        (err) => {
          console.error("stopping failed:", err);
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
