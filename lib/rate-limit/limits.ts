// The rate limits of the API, and the one way to apply them. Budgets are per client IP (all API
// calls; sign-in, token and register together) and per account (wrong passwords). Numbers can be
// changed with environment variables; the defaults suit one business's traffic.
import { RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { createLimiter, type LimitRule } from "./store";

const FIFTEEN_MINUTES = 15 * 60;

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

function rules() {
  return {
    api: { name: "api-ip", points: envNumber("RATE_LIMIT_API_PER_MINUTE", 600), durationSeconds: 60 },
    auth: { name: "auth-ip", points: envNumber("RATE_LIMIT_AUTH_PER_15_MIN", 60), durationSeconds: FIFTEEN_MINUTES },
    // Five wrong passwords for one account in 15 minutes: the sixth try waits out the window (at most
    // 15 minutes), and a correct password before that clears the count.
    failedLogin: { name: "login-fail", points: 5, durationSeconds: FIFTEEN_MINUTES },
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
      failedLogin: createLimiter(r.failedLogin),
    };
  }
  return state.__slotwiseLimiters;
}

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError("rate_limited", 429, "Too many requests. Try again later.", {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });

/** Counts one request against `limit` for `key`; throws 429 rate_limited once the budget is spent. */
export async function consume(limit: LimitName, key: string) {
  try {
    await limiters()[limit].consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(err.msBeforeNext / 1000);
    throw err;
  }
}

/** Account-level guard around a password check: refuses while the account's budget is spent. */
export async function refuseIfLoginLocked(email: string) {
  const res = await limiters().failedLogin.get(email);
  if (res && res.consumedPoints >= rules().failedLogin.points) throw rateLimited(res.msBeforeNext / 1000);
}

export async function recordFailedLogin(email: string) {
  await limiters()
    .failedLogin.penalty(email)
    .catch(() => {});
}

export async function clearFailedLogins(email: string) {
  await limiters()
    .failedLogin.delete(email)
    .catch(() => {});
}
