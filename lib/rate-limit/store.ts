// Where rate-limit counters live: in this process's memory by default, in Redis when REDIS_URL is
// set so that every app instance behind a load balancer counts against the same budget. A Redis
// limiter carries an in-memory twin as its insurance: if Redis is down or slow, requests are
// counted locally instead of failing (rate-limiter-flexible's insuranceLimiter). A limiter whose
// count must never start again from zero (wrong passwords per account) goes without insurance: it
// refuses while Redis cannot be reached, since a fresh in-memory count would reopen guessing.
import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";

export type LimitRule = { name: string; points: number; durationSeconds: number };

const clients = new Map<string, Redis>();

/** One connection per process and URL; commands fail fast while it is down, so insurance takes over. */
function redisClient(url: string): Redis {
  let client = clients.get(url);
  if (!client) {
    // commandTimeout: a Redis that hangs (not only one that is down) must not hang sign-ins.
    client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 1000,
    });
    // Without a listener ioredis reports every failed reconnect as an unhandled error event.
    client.on("error", () => {});
    clients.set(url, client);
  }
  return client;
}

/** Separates the counters of apps (or test processes) sharing one Redis. */
const prefix = () => process.env.RATE_LIMIT_PREFIX ?? "slotwise";

/**
 * A limiter for `rule`: Redis-backed when `redisUrl` is given, else in memory. With `insured` (the
 * default) an in-memory twin counts while Redis is unreachable; without it every call made then
 * rejects with a plain Error (not a RateLimiterRes), which the caller must treat as "unsure".
 */
export function createLimiter(
  rule: LimitRule,
  redisUrl = process.env.REDIS_URL,
  { insured = true } = {},
): RateLimiterAbstract {
  const options = { keyPrefix: `${prefix()}:${rule.name}`, points: rule.points, duration: rule.durationSeconds };
  const memory = new RateLimiterMemory(options);
  if (!redisUrl) return memory;
  return new RateLimiterRedis({
    ...options,
    storeClient: redisClient(redisUrl),
    rejectIfRedisNotReady: true,
    ...(insured ? { insuranceLimiter: memory } : {}),
  });
}

/**
 * Whether the Redis at `url` answers, waiting up to `waitMs` for a connection being (re)made, so
 * that the first sign-in after the app starts is not refused while the connection comes up. True
 * when no Redis is configured.
 */
export async function redisReachable(url = process.env.REDIS_URL, waitMs = 1000): Promise<boolean> {
  if (!url) return true;
  const client = redisClient(url);
  if (client.status === "ready") return true;
  let timer: NodeJS.Timeout | undefined;
  const ready = await Promise.race([
    redisReady(url).then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), waitMs);
    }),
  ]);
  clearTimeout(timer);
  return ready;
}

/** Closes the Redis connections (tests and scripts that must exit). */
export async function closeRateLimitStore() {
  for (const client of clients.values()) client.disconnect();
  clients.clear();
}

/** Resolves once the Redis connection for `url` is up (until then limits are counted in memory). */
export function redisReady(url: string): Promise<void> {
  const client = redisClient(url);
  if (client.status === "ready") return Promise.resolve();
  return new Promise((resolve) => client.once("ready", () => resolve()));
}
