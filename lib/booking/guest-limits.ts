// Guest bookings' budgets (besides the API's per-IP budget for every call): per client IP and per
// email address, each per hour; beyond either, 429 rate_limited with Retry-After. Changeable with
// RATE_LIMIT_GUEST_BOOKING_PER_IP_HOUR and RATE_LIMIT_GUEST_BOOKING_PER_EMAIL_HOUR.
import { RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited } from "@/lib/errors";
import { createLimiter } from "@/lib/rate-limit/store";

const HOUR = 60 * 60;

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

type Limiters = { ip: ReturnType<typeof createLimiter>; email: ReturnType<typeof createLimiter> };
const state = globalThis as unknown as { __slotwiseGuestLimiters?: Limiters };

function limiters(): Limiters {
  state.__slotwiseGuestLimiters ??= {
    ip: createLimiter({
      name: "guest-booking-ip",
      points: envNumber("RATE_LIMIT_GUEST_BOOKING_PER_IP_HOUR", 20),
      durationSeconds: HOUR,
    }),
    email: createLimiter({
      name: "guest-booking-email",
      points: envNumber("RATE_LIMIT_GUEST_BOOKING_PER_EMAIL_HOUR", 5),
      durationSeconds: HOUR,
    }),
  };
  return state.__slotwiseGuestLimiters;
}

async function spend(limiter: ReturnType<typeof createLimiter>, key: string) {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(err.msBeforeNext / 1000);
    throw err;
  }
}

/** Spends one guest booking of the IP and one of the email; 429 once either budget is used up. */
export async function spendGuestBooking(ip: string, email: string): Promise<void> {
  await spend(limiters().ip, ip);
  await spend(limiters().email, email);
}
