// Budgets of what people with no account may do that sends mail to an address they type (guest
// booking, lib/booking/guest-limits.ts; guest waitlist, lib/waitlist/guest.ts): per client IP and per
// email address, each per hour, besides the API's per-IP budget for every call. Beyond either, 429
// rate_limited with Retry-After. Each use has its own counters and environment variables.
import { RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited } from "@/lib/errors";
import { createLimiter } from "./store";

const HOUR = 60 * 60;

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export type GuestBudgetRule = {
  /** The counters' name (Redis key prefix): `<name>-ip` and `<name>-email`. */
  name: string;
  perIp: { env: string; fallback: number };
  perEmail: { env: string; fallback: number };
};

type Limiters = { ip: ReturnType<typeof createLimiter>; email: ReturnType<typeof createLimiter> };
const state = globalThis as unknown as { __slotwiseGuestBudgets?: Map<string, Limiters> };

function limiters(rule: GuestBudgetRule): Limiters {
  state.__slotwiseGuestBudgets ??= new Map();
  let found = state.__slotwiseGuestBudgets.get(rule.name);
  if (!found) {
    found = {
      ip: createLimiter({
        name: `${rule.name}-ip`,
        points: envNumber(rule.perIp.env, rule.perIp.fallback),
        durationSeconds: HOUR,
      }),
      email: createLimiter({
        name: `${rule.name}-email`,
        points: envNumber(rule.perEmail.env, rule.perEmail.fallback),
        durationSeconds: HOUR,
      }),
    };
    state.__slotwiseGuestBudgets.set(rule.name, found);
  }
  return found;
}

async function spend(limiter: ReturnType<typeof createLimiter>, key: string) {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(err.msBeforeNext / 1000);
    throw err;
  }
}

/** Spends one use of the IP's and one of the email's budget; 429 once either is used up. */
export async function spendGuestBudget(rule: GuestBudgetRule, ip: string, email: string): Promise<void> {
  const { ip: byIp, email: byEmail } = limiters(rule);
  await spend(byIp, ip);
  await spend(byEmail, email);
}
