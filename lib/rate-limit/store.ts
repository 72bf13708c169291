// Where rate-limit counters live: in this process's memory by default, in Redis when REDIS_URL is
// set so that every app instance behind a load balancer counts against the same budget. A Redis
// limiter carries an in-memory twin as its insurance: if Redis is down or slow, requests are
// counted locally instead of failing (rate-limiter-flexible's insuranceLimiter). A limiter whose
// count must never start again from zero (wrong passwords per account) goes without insurance: it
// refuses while Redis cannot be reached, since a fresh in-memory count would reopen guessing.
import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

/**
 * `rolling`: the window starts again at every counted use and a refused use is not counted, so no
 * span of `durationSeconds` ever holds more than `points` uses, wherever fixed windows would have
 * turned over (a fixed window lets `points` uses at the end of one and `points` more at the start of
 * the next). The count ends `durationSeconds` after the last counted use.
 */
export type LimitRule = { name: string; points: number; durationSeconds: number; rolling?: boolean };

/**
 * The rolling rule in Redis, in place of rate-limiter-flexible's own script (same arguments: points,
 * seconds, limit; same answer: consumed, ms to live). A use over the limit is answered without being
 * stored; a refund (negative points) keeps the expiry and never goes below zero.
 */
const ROLLING_WINDOW_LUA = `
local points = tonumber(ARGV[1])
local ms = tonumber(ARGV[2]) * 1000
local current = tonumber(redis.call('get', KEYS[1]) or '0')
if points < 0 then
  if current <= 0 then return {0, 0} end
  local left = redis.call('incrby', KEYS[1], math.max(points, -current))
  return {left, redis.call('pttl', KEYS[1])}
end
if current >= tonumber(ARGV[3]) then return {current + points, redis.call('pttl', KEYS[1])} end
local consumed = redis.call('incrby', KEYS[1], points)
redis.call('pexpire', KEYS[1], ms)
return {consumed, ms}`;

/** The rolling rule in this process's memory; synchronous, so tries that arrive together queue up. */
class RollingMemoryLimiter extends RateLimiterMemory {
  private readonly counts = new Map<string, { value: number; expiresAt: number }>();

  private live(key: string | number, now: number) {
    const record = this.counts.get(String(key));
    if (record && record.expiresAt <= now) this.counts.delete(String(key));
    return record && record.expiresAt > now ? record : undefined;
  }

  override consume(key: string | number, points = 1): Promise<RateLimiterRes> {
    const now = Date.now();
    const value = this.live(key, now)?.value ?? 0;
    if (value >= this.points) {
      const left = (this.live(key, now)?.expiresAt ?? now) - now;
      return Promise.reject(new RateLimiterRes(0, left, value + points, false));
    }
    if (this.counts.size >= 10_000) for (const k of this.counts.keys()) this.live(k, now);
    const ms = this.duration * 1000;
    this.counts.set(String(key), { value: value + points, expiresAt: now + ms });
    return Promise.resolve(new RateLimiterRes(this.points - value - points, ms, value + points, value === 0));
  }

  override reward(key: string | number, points = 1): Promise<RateLimiterRes> {
    const now = Date.now();
    const record = this.live(key, now);
    if (record) record.value = Math.max(0, record.value - points);
    const value = record?.value ?? 0;
    return Promise.resolve(new RateLimiterRes(this.points - value, record ? record.expiresAt - now : 0, value, false));
  }

  override get(key: string | number): Promise<RateLimiterRes | null> {
    const now = Date.now();
    const record = this.live(key, now);
    return Promise.resolve(
      record ? new RateLimiterRes(this.points - record.value, record.expiresAt - now, record.value, false) : null,
    );
  }

  override delete(key: string | number): Promise<boolean> {
    return Promise.resolve(this.counts.delete(String(key)));
  }
}

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
  const memory = rule.rolling ? new RollingMemoryLimiter(options) : new RateLimiterMemory(options);
  if (!redisUrl) return memory;
  return new RateLimiterRedis({
    ...options,
    storeClient: redisClient(redisUrl),
    rejectIfRedisNotReady: true,
    ...(rule.rolling ? { customIncrTtlLuaScript: ROLLING_WINDOW_LUA } : {}),
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
