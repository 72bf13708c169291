// The account mails' own budgets, besides the API's per-IP ones (lib/rate-limit/limits.ts; the
// routes also spend the shared "auth" budget). Per client IP, asking too often answers 429. Per
// address, asking too often answers the same 202 but sends nothing more: a 429 there would tell
// nothing about the address either, but a quiet cap keeps a stranger from filling someone's inbox
// without making that someone wait. Budgets can be changed with environment variables.
import { RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited } from "@/lib/errors";
import { createLimiter, type LimitRule } from "@/lib/rate-limit/store";

const HOUR = 60 * 60;

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

function rules() {
  return {
    /** Reset requests from one IP, whatever the addresses. */
    resetIp: {
      name: "reset-ip",
      points: envNumber("RATE_LIMIT_PASSWORD_RESET_PER_IP_HOUR", 20),
      durationSeconds: HOUR,
    },
    /** Reset mails to one address. */
    resetEmail: {
      name: "reset-email",
      points: envNumber("RATE_LIMIT_PASSWORD_RESET_PER_EMAIL_HOUR", 3),
      durationSeconds: HOUR,
    },
    /** Verification mails a signed-in user asks for again. */
    verifyResend: {
      name: "verify-resend",
      points: envNumber("RATE_LIMIT_VERIFY_RESEND_PER_HOUR", 3),
      durationSeconds: HOUR,
    },
  } satisfies Record<string, LimitRule>;
}

type Name = keyof ReturnType<typeof rules>;
const state = globalThis as unknown as { __slotwiseAccountLimiters?: Record<Name, ReturnType<typeof createLimiter>> };

function limiters() {
  if (!state.__slotwiseAccountLimiters) {
    const r = rules();
    state.__slotwiseAccountLimiters = {
      resetIp: createLimiter(r.resetIp),
      resetEmail: createLimiter(r.resetEmail),
      verifyResend: createLimiter(r.verifyResend),
    };
  }
  return state.__slotwiseAccountLimiters;
}

/** Spends one of `key`'s budget; throws 429 rate_limited once it is used up. */
export async function spendOrRefuse(name: Name, key: string): Promise<void> {
  try {
    await limiters()[name].consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(err.msBeforeNext / 1000);
    throw err;
  }
}

/** Spends one of `key`'s budget; answers false (instead of throwing) once it is used up. */
export async function spendQuietly(name: Name, key: string): Promise<boolean> {
  try {
    await limiters()[name].consume(key);
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}
