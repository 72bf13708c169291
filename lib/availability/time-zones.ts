import type { Executor } from "@/db/client";
import { shiftTimeZones, type ZonedWorker } from "@/db/queries/availability";
import { addDaysToDate, zonedDayBounds } from "@/lib/time/zoned";
import { FALLBACK_TIME_ZONE } from "./calendar";

/** The asked days in UTC widened by a day on either side (see workerTimeZones). */
export function shiftLookupRange(days: { from: string; to: string }) {
  return {
    start: zonedDayBounds(addDaysToDate(days.from, -1), "UTC").start,
    end: zonedDayBounds(addDaysToDate(days.to, 1), "UTC").end,
  };
}

/**
 * The timezone in which each worker's "day" is read: their home location's; without a home
 * location, that of the location of their first shift around the asked days; else UTC. The zone is
 * not known before the lookup, so the search spans the asked days in UTC widened by a day on either
 * side, which holds those local days in any zone (offsets run from -12:00 to +14:00).
 * One query at most, for all workers without a home location together.
 */
export async function workerTimeZones(
  db: Executor,
  workers: readonly ZonedWorker[],
  days: { from: string; to: string },
): Promise<Map<string, string>> {
  const homeless = workers.filter((w) => !w.homeTimeZone).map((w) => w.id);
  const fromShifts =
    homeless.length > 0 ? await shiftTimeZones(db, homeless, shiftLookupRange(days)) : new Map<string, string>();
  return new Map(workers.map((w) => [w.id, w.homeTimeZone ?? fromShifts.get(w.id) ?? FALLBACK_TIME_ZONE]));
}
