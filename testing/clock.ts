import { afterAll, beforeEach, vi } from "vitest";

/**
 * Fixes the clock at `now` before each test of the file. Only Date is faked: timers, and with them
 * the database drivers, keep running, while "today", "past" and "horizon" become exact.
 */
export function fixClock(now: Date) {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now });
  });
  afterAll(() => {
    vi.useRealTimers();
  });
}
