// Local days of availability: which instants "the days from..to" and "the booking horizon" mean in a
// location's timezone (DESIGN.md "Data"). All calendar arithmetic goes through lib/time/zoned.
import { addDaysToDate, formatInstant, zonedDayBounds, zonedToday } from "@/lib/time/zoned";
import type { Interval } from "./intervals";

/** Timezone used for a worker who has no home location and no shift to take one from. */
export const FALLBACK_TIME_ZONE = "UTC";

/** The local calendar date of `now` in `timeZone`: "today" there. */
export const todayIn = (now: Date, timeZone: string) => zonedToday(now, timeZone);

/** The first instant of tomorrow in `timeZone`: when "today" there changes. */
export const todayEndIn = (now: Date, timeZone: string) => zonedDayBounds(todayIn(now, timeZone), timeZone).end;

/**
 * The end of a worker's booking horizon: `horizonDays` local days after today, to the end of that
 * day. With 7 days, on Monday at 15:00 the horizon ends when the Tuesday of the next week begins, so
 * the last bookable day is whole rather than shrinking hour by hour, and it moves at local midnight.
 */
export function bookingHorizonEnd(now: Date, horizonDays: number, timeZone: string): Date {
  return zonedDayBounds(addDaysToDate(todayIn(now, timeZone), horizonDays), timeZone).end;
}

/** The local days `from` to `to` (both included) as one half-open interval of instants. */
export function localDaysInterval(from: string, to: string, timeZone: string): Interval {
  return { start: zonedDayBounds(from, timeZone).start, end: zonedDayBounds(to, timeZone).end };
}

/** `{ start, end }` as RFC 3339 strings with the zone's offset at each instant. */
export function intervalJson(interval: Interval, timeZone: string) {
  return { start: formatInstant(interval.start, timeZone), end: formatInstant(interval.end, timeZone) };
}
