// Pure helpers of the client pages (booking, my appointments, rooms), kept out of components so
// they can be tested without a browser. Calendar arithmetic goes through lib/time/zoned.
import { addDaysToDate, formatInstant, zonedDateTimeToInstant } from "@/lib/time/zoned";

/** The days a client may pick: today (in the location's zone) and the next `horizonDays`, at most `max`. */
export function bookableDays(today: string, horizonDays: number, max = 62): string[] {
  const count = Math.min(horizonDays + 1, max);
  return Array.from({ length: count }, (_, i) => addDaysToDate(today, i));
}

type Timed = { status: string; start: string; end: string };

/**
 * Upcoming: booked appointments that have not ended, soonest first. Cancelled: cancelled ones that
 * have not ended (no longer upcoming, not past either), soonest first. Past: everything else (ended,
 * completed, missed, and cancelled ones whose time has gone), latest first.
 */
export function splitAppointments<T extends Timed>(
  items: T[],
  now: Date,
): { upcoming: T[]; cancelled: T[]; past: T[] } {
  const at = (s: string) => new Date(s).getTime();
  const ahead = (a: T) => at(a.end) > now.getTime();
  const isUpcoming = (a: T) => a.status === "booked" && ahead(a);
  const isCancelledAhead = (a: T) => a.status === "cancelled" && ahead(a);
  const soonestFirst = (a: T, b: T) => at(a.start) - at(b.start);
  return {
    upcoming: items.filter(isUpcoming).sort(soonestFirst),
    cancelled: items.filter(isCancelledAhead).sort(soonestFirst),
    past: items.filter((a) => !isUpcoming(a) && !isCancelledAhead(a)).sort((a, b) => at(b.start) - at(a.start)),
  };
}

/** True while a booked appointment may still be cancelled by its client: it has not started. */
export const isCancellable = (a: Timed, now: Date) => a.status === "booked" && new Date(a.start) > now;

/**
 * An interval of a room on one local day from wall times in the room's zone ("09:00"–"10:30"; an end
 * of "24:00" is the next midnight), as RFC 3339 instants with the zone's offset.
 */
export function roomInterval(date: string, start: string, end: string, timeZone: string) {
  return {
    start: formatInstant(zonedDateTimeToInstant(date, start, timeZone), timeZone),
    end: formatInstant(zonedDateTimeToInstant(date, end, timeZone), timeZone),
  };
}

// Idempotency keys live in ./idempotency.ts (no date-fns there: the booking island imports them).
export { idempotencyKeys, newIdempotencyKey } from "./idempotency";
