/**
 * The header our HTTP server (lib/server/http-server.ts) always overwrites with the client address
 * it resolved from the socket and X-Forwarded-For under TRUST_PROXY. A caller may send it too, so it
 * is believed only in a process where that server runs.
 */
export const CLIENT_ADDRESS_HEADER = "x-slotwise-client-ip";

// A flag on globalThis, set before Next.js loads: the route handlers are bundled apart from the
// server, and the global object is what both see.
const BEHIND_OUR_SERVER = Symbol.for("slotwise.behindClientAddressServer");
const flags = globalThis as unknown as Record<symbol, boolean | undefined>;

/** Called by a server that overwrites CLIENT_ADDRESS_HEADER on every request before the app sees it. */
export function trustClientAddressHeader() {
  flags[BEHIND_OUR_SERVER] = true;
}

/**
 * The caller's IP address, for rate limits. Behind our server, the address it resolved. Under any
 * other server (`next start`, a hosting platform) the last X-Forwarded-For entry: what the nearest
 * proxy appended, and forgeable by a direct caller when no proxy appends it.
 */
export function clientIp(headers: Headers): string {
  if (flags[BEHIND_OUR_SERVER]) return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}
