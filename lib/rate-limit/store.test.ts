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

  describe.runIf(Boolean(process.env.REDIS_URL))("with Redis (REDIS_URL)", () => {
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
