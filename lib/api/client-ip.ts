/**
 * The caller's IP address, for rate limits. Behind a load balancer the nearest proxy appends the
 * address it saw to X-Forwarded-For (Next.js's own server does the same for direct connections),
 * so the last entry is the one no client can forge; earlier entries are whatever the client sent.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}
