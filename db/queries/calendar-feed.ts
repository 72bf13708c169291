// The secret token in a worker's calendar-feed URL (lib/booking/calendar-feed.ts decides who reads
// the feed and when the token changes).
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { workers } from "../schema/catalog";

export async function setCalendarToken(db: Executor, workerId: string, token: string): Promise<void> {
  await db.update(workers).set({ calendarToken: token }).where(eq(workers.id, workerId));
}
