// Where rate-limit counters live: in this process's memory by default, in Redis when REDIS_URL is
// set so that every app instance behind a load balancer counts against the same budget. A Redis
// limiter carries an in-memory twin as its insurance: if Redis is down or slow, requests are
// counted locally instead of failing (rate-limiter-flexible's insuranceLimiter).
import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";

export type LimitRule = { name: string; points: number; durationSeconds: number };

const clients = new Map<string, Redis>();

/** One connection per process and URL; commands fail fast while it is down, so insurance takes over. */
function redisClient(url: string): Redis {
  let client = clients.get(url);
  if (!client) {
    client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    // Without a listener ioredis reports every failed reconnect as an unhandled error event.
    client.on("error", () => {});
    clients.set(url, client);
  }
  return client;
}

/** Separates the counters of apps (or test processes) sharing one Redis. */
const prefix = () => process.env.RATE_LIMIT_PREFIX ?? "slotwise";

/**
 * A limiter for `rule`: Redis-backed (with an in-memory insurance limiter) when `redisUrl` is given,
 * else in memory.
 */
export function createLimiter(rule: LimitRule, redisUrl = process.env.REDIS_URL): RateLimiterAbstract {
  const options = { keyPrefix: `${prefix()}:${rule.name}`, points: rule.points, duration: rule.durationSeconds };
  const memory = new RateLimiterMemory(options);
  if (!redisUrl) return memory;
  return new RateLimiterRedis({
    ...options,
    storeClient: redisClient(redisUrl),
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
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
