// Wall-clock times of the worker's timezone, for the day page (date-fns with @date-fns/tz).
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** "HH:mm" of an instant in `timezone`. */
export const clockIn = (instant: string, timezone: string) => format(new TZDate(instant, timezone), "HH:mm");

/**
 * The instant of a `datetime-local` value ("YYYY-MM-DDTHH:mm") read as a wall time in `timezone`;
 * null when it is not one. A wall time skipped by a DST change moves forward (TZDate's reading).
 */
export function instantOfWallTime(value: string, timezone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return new TZDate(y, mo - 1, d, h, mi, timezone).toISOString();
}
