// Guest bookings' budgets (lib/rate-limit/guest-budget.ts): per client IP and per email address, each
// per hour. Changeable with RATE_LIMIT_GUEST_BOOKING_PER_IP_HOUR and
// RATE_LIMIT_GUEST_BOOKING_PER_EMAIL_HOUR.
import { spendGuestBudget } from "@/lib/rate-limit/guest-budget";

const GUEST_BOOKING = {
  name: "guest-booking",
  perIp: { env: "RATE_LIMIT_GUEST_BOOKING_PER_IP_HOUR", fallback: 20 },
  perEmail: { env: "RATE_LIMIT_GUEST_BOOKING_PER_EMAIL_HOUR", fallback: 5 },
};

/** Spends one guest booking of the IP and one of the email; 429 once either budget is used up. */
export async function spendGuestBooking(ip: string, email: string): Promise<void> {
  await spendGuestBudget(GUEST_BOOKING, ip, email);
}
