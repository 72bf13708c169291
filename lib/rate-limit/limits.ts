// The rate limits of the API, and the one way to apply them. Budgets are per client IP (all API
// calls; sign-in, token and register together) and per account (wrong passwords). Numbers can be
// changed with environment variables; the defaults suit one business's traffic.
import { RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited, unavailable } from "@/lib/errors";
import { createLimiter, type LimitRule, redisReachable } from "./store";

const FIFTEEN_MINUTES = 15 * 60;

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

function rules() {
  return {
    api: { name: "api-ip", points: envNumber("RATE_LIMIT_API_PER_MINUTE", 600), durationSeconds: 60 },
    auth: { name: "auth-ip", points: envNumber("RATE_LIMIT_AUTH_PER_15_MIN", 60), durationSeconds: FIFTEEN_MINUTES },
    // Five password checks for one account in any 15 minutes, however the tries are timed: the window
    // runs from the last check (rolling), so the sixth try waits until 15 minutes after the fifth.
    failedLogin: { name: "login-fail", points: 5, durationSeconds: FIFTEEN_MINUTES, rolling: true },
  } satisfies Record<string, LimitRule>;
}

type LimitName = keyof ReturnType<typeof rules>;
type Limiters = Record<LimitName, ReturnType<typeof createLimiter>>;

const state = globalThis as unknown as { __slotwiseLimiters?: Limiters };

function limiters(): Limiters {
  if (!state.__slotwiseLimiters) {
    const r = rules();
    state.__slotwiseLimiters = {
      api: createLimiter(r.api),
      auth: createLimiter(r.auth),
      // No in-memory insurance: a count that restarted from zero when Redis went away would let
      // guessing go on; sign-ins are refused (503) while the count cannot be read instead.
      failedLogin: createLimiter(r.failedLogin, process.env.REDIS_URL, { insured: false }),
    };
  }
  return state.__slotwiseLimiters;
}

/** Counts one request against `limit` for `key`; throws 429 rate_limited once the budget is spent. */
export async function consume(limit: LimitName, key: string) {
  try {
    await limiters()[limit].consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(err.msBeforeNext / 1000);
    throw err;
  }
}

/** Seconds a caller is asked to wait while the per-account count cannot be reached. */
const STORE_RETRY_SECONDS = 30;

/**
 * Spends one of the account's password checks BEFORE the password is verified, in one atomic
 * increment: however many tries arrive at once, at most `points` of them get as far as argon2.
 * Throws 429 once the budget is spent and 503 while the shared count cannot be reached.
 */
export async function spendLoginAttempt(email: string) {
  try {
    if (!(await redisReachable())) throw new Error("rate-limit store unreachable");
    await limiters().failedLogin.consume(email);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(err.msBeforeNext / 1000);
    throw unavailable(STORE_RETRY_SECONDS);
  }
}

/**
 * A right password gives back the check it spent, and only that one: clearing the whole count would
 * let the real user's sign-in hand a guesser five fresh checks within the same 15 minutes.
 */
export async function refundLoginAttempt(email: string) {
  await limiters()
    .failedLogin.reward(email)
    .catch(() => {});
}
