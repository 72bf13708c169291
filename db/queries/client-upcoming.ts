// How many booked appointments of a client are still ahead: what the business policy's
// maxUpcomingPerClient counts (lib/booking/policy-check.ts decides; it holds the client row locked
// while it counts, so two bookings of one client count one after the other).
import { and, count, eq, gt } from "drizzle-orm";
import type { Executor } from "../client";
import { appointments } from "../schema/appointments";

/** The client's booked appointments starting after `now` (one starting exactly now has begun). */
export async function countUpcomingOfClient(db: Executor, clientId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(appointments)
    .where(and(eq(appointments.clientId, clientId), eq(appointments.status, "booked"), gt(appointments.startAt, now)));
  return row?.n ?? 0;
}
