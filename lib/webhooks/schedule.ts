// When a failed message is tried again. Six tries in all: at once, then 1, 5, 10, 20 and 30 minutes
// after each failure, i.e. about 0, 1, 6, 16, 36 and 66 minutes after the event; a message still not
// accepted after the last is given up (its last try shows `failed` with no next attempt).
// WEBHOOK_RETRY_DELAYS (seconds, comma-separated, e.g. "1,1") replaces the waits, for tests and
// demos; WEBHOOK_TIMEOUT_MS replaces the 10 s time limit of a try.
import { DEFAULT_TIMEOUT_MS } from "./send";

export const RETRY_DELAYS_SECONDS = [60, 300, 600, 1200, 1800] as const;

export function retryDelaysSeconds(): number[] {
  const configured = process.env.WEBHOOK_RETRY_DELAYS;
  if (configured) {
    const delays = configured.split(",").map((s) => Number(s.trim()));
    if (delays.length > 0 && delays.every((d) => Number.isFinite(d) && d >= 0)) return delays;
  }
  return [...RETRY_DELAYS_SECONDS];
}

/** Tries a message gets in all (the first and its retries). */
export const maxAttempts = () => retryDelaysSeconds().length + 1;

/** The wait before try `attempt + 1`, after try `attempt` failed; undefined after the last. */
export function delayAfterAttempt(attempt: number): number | undefined {
  return retryDelaysSeconds()[attempt - 1];
}

export function tryTimeoutMs(): number {
  const configured = Number(process.env.WEBHOOK_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}
