import { RateLimiterRes } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { createLimiter, redisReady } from "./store";

const rule = (name: string) => ({
  name: `${name}-${Math.random().toString(36).slice(2)}`,
  points: 2,
  durationSeconds: 60,
});

async function spend(limiter: ReturnType<typeof createLimiter>, key: string) {
  try {
    await limiter.consume(key);
    return "allowed";
  } catch (err) {
    if (err instanceof RateLimiterRes) return "limited";
    throw err;
  }
}

describe("rate-limit store", () => {
  it("limits in memory without REDIS_URL", async () => {
    const limiter = createLimiter(rule("memory"), "");
    expect([await spend(limiter, "ip"), await spend(limiter, "ip"), await spend(limiter, "ip")]).toEqual([
      "allowed",
      "allowed",
      "limited",
    ]);
  });

  it("keeps limiting in memory when Redis is unreachable", async () => {
    // Nothing listens on port 1: every Redis command fails, and the insurance limiter counts instead.
    const limiter = createLimiter(rule("down"), "redis://127.0.0.1:1");
    const results = [await spend(limiter, "ip"), await spend(limiter, "ip"), await spend(limiter, "ip")];
    expect(results).toEqual(["allowed", "allowed", "limited"]);
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /**
   * Two uses per 2 s, rolling: uses at 0 s and 1.2 s; at 2.4 s a fixed window begun at 0 s would
   * have turned over and allowed two more, but the window runs from the last counted use (1.2 s),
   * and the refused try at 2.4 s does not move it, so the count ends at 3.2 s.
   */
  async function rollingWindowHolds(redisUrl: string) {
    const limiter = createLimiter({ ...rule("rolling"), durationSeconds: 2, rolling: true }, redisUrl);
    if (redisUrl) await redisReady(redisUrl);
    const results = [await spend(limiter, "account")];
    await sleep(1200);
    results.push(await spend(limiter, "account"));
    await sleep(1200);
    results.push(await spend(limiter, "account"), await spend(limiter, "account"));
    await sleep(1000);
    results.push(await spend(limiter, "account"));
    expect(results).toEqual(["allowed", "allowed", "limited", "limited", "allowed"]);
    // A refund gives back one use, never more than were spent.
    await limiter.reward("account");
    await limiter.reward("account");
    await limiter.reward("account");
    expect([await spend(limiter, "account"), await spend(limiter, "account"), await spend(limiter, "account")]).toEqual(
      ["allowed", "allowed", "limited"],
    );
  }

  it("keeps a rolling window in memory: no span of the duration holds more than the points", async () => {
    await rollingWindowHolds("");
  });

  it("lets one of many uses arriving at once through a rolling window of one point", async () => {
    const limiter = createLimiter({ ...rule("burst"), points: 1, rolling: true }, "");
    const results = await Promise.all(Array.from({ length: 50 }, () => spend(limiter, "account")));
    expect(results.filter((r) => r === "allowed")).toHaveLength(1);
  });

  describe.runIf(Boolean(process.env.REDIS_URL))("with Redis (REDIS_URL)", () => {
    it("keeps a rolling window in Redis the same way", async () => {
      await rollingWindowHolds(process.env.REDIS_URL ?? "");
    });

    it("lets one of many uses arriving at once through a rolling window of one point", async () => {
      const limiter = createLimiter({ ...rule("burst-redis"), points: 1, rolling: true });
      await redisReady(process.env.REDIS_URL ?? "");
      const results = await Promise.all(Array.from({ length: 50 }, () => spend(limiter, "account")));
      expect(results.filter((r) => r === "allowed")).toHaveLength(1);
    });

    it("shares the counters between app instances", async () => {
      const shared = rule("shared");
      // Two limiters stand for two app instances: each has its own in-memory insurance, one Redis.
      const first = createLimiter(shared);
      const second = createLimiter(shared);
      await redisReady(process.env.REDIS_URL ?? "");
      expect(await spend(first, "ip")).toBe("allowed");
      expect(await spend(first, "ip")).toBe("allowed");
      expect(await spend(second, "ip")).toBe("limited");
      expect(await spend(second, "other-ip")).toBe("allowed");
    });
  });
});
