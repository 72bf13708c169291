// Calendar arithmetic in a location's IANA timezone (DESIGN.md "Data"). Offsets always come from
// @date-fns/tz, which reads the runtime's tz database; nothing here depends on the host's own TZ.
import { TZDate, tzOffset } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format, formatISO, getISODay } from "date-fns";

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function parseDate(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number.NaN, 0, 0];
  // Round-tripping through UTC catches 2026-02-30 and friends, which Date would silently roll over.
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (!m || probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return [y, mo, d];
}

function parseTime(time: string): [number, number, number] {
  const m = TIME_RE.exec(time);
  const [h, mi, s] = m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : [Number.NaN, 0, 0];
  const valid = m && ((h < 24 && mi < 60 && s < 60) || (h === 24 && mi === 0 && s === 0));
  if (!valid) throw new RangeError(`Not a wall-clock time (HH:MM, 00:00-24:00): ${time}`);
  return [h, mi, s];
}

/** A plain calendar date as a TZDate at UTC midnight, so date-fns day arithmetic never meets a DST shift. */
function utcMidnight(date: string): TZDate {
  const [y, mo, d] = parseDate(date);
  return new TZDate(y, mo - 1, d, "UTC");
}

const knownZones = new Set<string>();

/** True for an IANA zone name the runtime knows ("Europe/Berlin", "UTC"); offsets like "+03:00" are not zones. */
export function isValidTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  // Newer runtimes accept bare offsets as zones too, but a location needs real DST rules.
  if (typeof timeZone !== "string" || !/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    return false;
  }
  knownZones.add(timeZone);
  return true;
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` on `date`. "24:00" is the start of
 * the next day. A wall time skipped by a spring-forward gap moves forward by the gap (02:30 → 03:30);
 * a wall time that occurs twice at a fall-back takes the earlier instant. Both cases are resolved here
 * rather than by TZDate, whose choice for a repeated time depends on the host's TZ (date-fns/tz#40).
 */
export function zonedDateTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = parseDate(date);
  const [h, mi, s] = parseTime(time);
  // The wall time read as if it were UTC; the real instant is this minus the zone's offset then.
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown timezone: ${timeZone}`);
  // A day either side of the wall time brackets any transition near it, so these are the two
  // offsets the zone could be using; an offset is right when the instant it gives really has it.
  const before = tzOffset(timeZone, new Date(wall - DAY));
  const after = tzOffset(timeZone, new Date(wall + DAY));
  const valid = [before, after]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => wall - tzOffset(timeZone, new Date(instant)) * MINUTE === instant);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // No offset fits: the time fell into a gap. Reading it with the pre-transition offset lands past
  // the transition, i.e. the same wall time shifted forward by the size of the gap.
  return new Date(wall - before * MINUTE);
}

/** The local day `date` in `timeZone` as the half-open interval [its first instant, the next day's first instant). */
export function zonedDayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  return {
    start: zonedDateTimeToInstant(date, "00:00", timeZone),
    end: zonedDateTimeToInstant(addDaysToDate(date, 1), "00:00", timeZone),
  };
}

/** The calendar date (YYYY-MM-DD) that the wall clock in `timeZone` shows at `instant`. */
export function zonedDateOf(instant: Date, timeZone: string): string {
  return formatISO(new TZDate(instant.getTime(), timeZone), { representation: "date" });
}

/** The wall-clock time (HH:MM) in `timeZone` at `instant`. */
export function zonedTimeOf(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "HH:mm");
}

/** ISO weekday of a calendar date: Monday = 1 … Sunday = 7. */
export function isoWeekdayOf(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return getISODay(utcMidnight(date)) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** The calendar date `days` days after (or before, if negative) `date`. */
export function addDaysToDate(date: string, days: number): string {
  return formatISO(addDays(utcMidnight(date), days), { representation: "date" });
}

/** How many days `to` is after `from` (negative when before; 0 for the same date). */
export function daysBetweenDates(from: string, to: string): number {
  return differenceInCalendarDays(utcMidnight(to), utcMidnight(from));
}

/** RFC 3339 with the zone's offset at that instant, e.g. `2026-03-02T09:00:00+03:00`. */
export function formatInstant(instant: Date, timeZone: string): string {
  // formatISO: the same text as format(…, "yyyy-MM-dd'T'HH:mm:ssxxx") without parsing a pattern on
  // every call (slot lists format thousands of instants); it writes a zero offset as Z.
  const text = formatISO(new TZDate(instant.getTime(), timeZone));
  return text.endsWith("Z") ? `${text.slice(0, -1)}+00:00` : text;
}
