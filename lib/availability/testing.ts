// Test support shared by the availability tests (imported only by *.test.ts files).
import { afterAll, beforeEach, vi } from "vitest";
import { userWithToken } from "@/lib/testing/fixtures";

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

/** Bearer tokens of an anonymous caller (undefined), a client, an admin and a manager. */
export async function everyCaller(): Promise<(string | undefined)[]> {
  const staff = await Promise.all((["client", "admin", "manager"] as const).map((role) => userWithToken(role)));
  return [undefined, ...staff.map((u) => u.token)];
}
