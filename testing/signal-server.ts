// Our HTTP server with a small handler instead of Next.js, in a process of its own, for the test of
// stopping on SIGTERM (lib/server/signals.test.ts). `/slow` answers after 1 s; a shutdown hook
// prints "released" as the app's database close would run.
// Usage: PORT=… node --import tsx testing/signal-server.ts
import { parseTrustProxy } from "@/lib/server/client-address";
import { createAppServer, listen, timeoutsFromEnv } from "@/lib/server/http-server";
import { onShutdown } from "@/lib/server/shutdown-hooks";
import { stopOnSignals } from "@/lib/server/signals";

const server = createAppServer({
  trustProxy: parseTrustProxy(undefined),
  timeouts: timeoutsFromEnv(),
  handle: (req, res) => {
    const delay = req.url === "/slow" ? 1_000 : 0;
    setTimeout(() => res.end("done"), delay);
  },
});
onShutdown(() => console.log("released"));
await listen(server, Number(process.env.PORT), "127.0.0.1");
stopOnSignals(server);
console.log("listening");
