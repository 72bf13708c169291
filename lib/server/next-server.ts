// Starts Next.js behind our HTTP server: `npm start` and `npm run dev` end here, and the container
// image runs the same code bundled (scripts/serve.ts). Next.js's documented custom-server API.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { readPagesFingerprint } from "@/db/queries/schedule-versions";
import { appAnswerReplay } from "./answer-replay";
import { parseTrustProxy } from "./client-address";
import { createAppServer, listen, timeoutsFromEnv } from "./http-server";
import { PageCache } from "./page-cache";
import { stopOnSignals } from "./signals";

export type ListenAddress = { host: string; port: number };

/**
 * `-p`/`--port` and `-H`/`--hostname` as `next start` takes them, else PORT and HOST. Loopback by
 * default: the demo's passwords are printed on start, so the network gets it only when asked.
 */
export function listenAddress(args: string[], env: Record<string, string | undefined> = process.env): ListenAddress {
  const { values } = parseArgs({
    args,
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
    strict: true,
  });
  const portText = values.port ?? env.PORT ?? "3000";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) throw new Error(`Not a port number: ${portText}`);
  return { host: values.hostname || env.HOST || "127.0.0.1", port };
}

/** How to reach the server, for the line printed on start. */
export function describeAddress({ host, port }: ListenAddress): string {
  const everywhere = host === "0.0.0.0" || host === "::";
  const shown = everywhere ? "localhost" : host.includes(":") ? `[${host}]` : host;
  const loopback = host === "localhost" || host === "::1" || host.startsWith("127.");
  const reach = everywhere
    ? " (on every network interface)"
    : loopback
      ? " (this machine only; HOST=0.0.0.0 opens it to the network)"
      : "";
  return `http://${shown}:${port}${reach}`;
}

/**
 * A standalone build (the container image) has no next.config.mjs beside it: Next.js reads the
 * configuration it was built with from this variable, which its own standalone server.js sets.
 */
function applyStandaloneConfig(dir: string) {
  const manifest = path.join(dir, ".next", "required-server-files.json");
  if (process.env.__NEXT_PRIVATE_STANDALONE_CONFIG || existsSync(path.join(dir, "next.config.mjs"))) return;
  if (!existsSync(manifest)) return;
  const { config } = JSON.parse(readFileSync(manifest, "utf8")) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

export async function startNextServer({ dev, args }: { dev: boolean; args: string[] }) {
  const address = listenAddress(args);
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  const timeouts = timeoutsFromEnv();
  const dir = process.cwd();
  // React and Next.js pick their build by NODE_ENV when first loaded, so it is set before that.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  applyStandaloneConfig(dir);
  // The request log writes its info lines once per turn of the event loop (lib/api/request-log.ts).
  process.env.LOG_BATCH ??= "1";
  const { default: next } = await import("next");
  const app = next({ dev, dir, hostname: address.host, port: address.port });
  await app.prepare();
  // Off in development (a page changes with the code) and with PAGE_CACHE=0.
  const pages =
    dev || process.env.PAGE_CACHE === "0"
      ? undefined
      : new PageCache({ fingerprint: async () => readPagesFingerprint(await getDb()) });
  // Off in development too, and with API_REPLAY=0.
  const answers = dev || process.env.API_REPLAY === "0" ? undefined : await appAnswerReplay();
  const server = createAppServer({ handle: app.getRequestHandler(), trustProxy, timeouts, dev, pages, answers });
  await listen(server, address.port, address.host);
  console.log(`Slotwise is listening on ${describeAddress(address)}`);
  stopOnSignals(server, () => app.close());
  return server;
}
