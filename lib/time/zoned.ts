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
  const key = `${date}T${time}|${timeZone}`;
  let ms = instantsByWallClock.get(key);
  if (ms === undefined) {
    ms = wallClockToInstant(date, time, timeZone);
    if (instantsByWallClock.size >= MAX_KEPT) instantsByWallClock.clear();
    instantsByWallClock.set(key, ms);
  }
  return new Date(ms);
}

// Answers of zonedDateTimeToInstant, a pure function of its arguments that every slot list asks
// several times (the day bounds, the horizon): dropped whole when large, which bounds the map.
const instantsByWallClock = new Map<string, number>();
const MAX_KEPT = 50_000;

function wallClockToInstant(date: string, time: string, timeZone: string): number {
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
  if (valid.length > 0) return Math.min(...valid);
  // No offset fits: the time fell into a gap. Reading it with the pre-transition offset lands past
  // the transition, i.e. the same wall time shifted forward by the size of the gap.
  return wall - before * MINUTE;
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
  return wallClock(instant, timeZone).slice(0, 10);
}

// The local day that holds the current instant, per zone. A request asks for "today" several times
// (the asked days, the horizon, the day bounds), and the answer is the same for every instant of that
// day, so it is worked out once per zone and local day instead of asking Intl each time.
const todayByZone = new Map<string, { date: string; start: number; end: number }>();

/**
 * The calendar date the wall clock in `timeZone` shows at `now`, as zonedDateOf gives it; meant for
 * the current instant, whose local day it remembers per zone until that day ends.
 */
export function zonedToday(now: Date, timeZone: string): string {
  const ms = now.getTime();
  const known = todayByZone.get(timeZone);
  if (known && ms >= known.start && ms < known.end) return known.date;
  const date = zonedDateOf(now, timeZone);
  const { start, end } = zonedDayBounds(date, timeZone);
  // Kept only for a day with one offset throughout: on a transition day (a fall-back just after
  // midnight shows the previous date again) every instant is read on its own.
  const oneOffset = tzOffset(timeZone, start) === tzOffset(timeZone, new Date(end.getTime() - 1));
  if (oneOffset && ms >= start.getTime() && ms < end.getTime()) {
    todayByZone.set(timeZone, { date, start: start.getTime(), end: end.getTime() });
  }
  return date;
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
  const key = `${date}|${days}`;
  let shifted = datesByShift.get(key);
  if (shifted === undefined) {
    shifted = formatISO(addDays(utcMidnight(date), days), { representation: "date" });
    if (datesByShift.size >= MAX_KEPT) datesByShift.clear();
    datesByShift.set(key, shifted);
  }
  return shifted;
}

/** How many days `to` is after `from` (negative when before; 0 for the same date). */
export function daysBetweenDates(from: string, to: string): number {
  return differenceInCalendarDays(utcMidnight(to), utcMidnight(from));
}

// Answers of addDaysToDate, which every slot list asks a handful of times (the asked days, the
// horizon, the day bounds): a TZDate per call costs more than the rest of the arithmetic.
const datesByShift = new Map<string, string>();

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * `YYYY-MM-DDTHH:mm:ss±hh:mm` at `instant` in `timeZone`. The offset is @date-fns/tz's, read once;
 * the wall clock is the instant moved by it, printed in UTC. TZDate with date-fns gives the same text
 * but asks Intl for the offset several times per instant, which slot lists cannot afford.
 */
function wallClock(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const offset = tzOffset(timeZone, instant);
  if (!Number.isFinite(ms) || !Number.isFinite(offset)) throw new RangeError("Invalid time value");
  const wall = new Date(ms + offset * MINUTE).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${wall}${offset < 0 ? "-" : "+"}${pad2(Math.trunc(abs / 60))}:${pad2(Math.trunc(abs % 60))}`;
}

// Formatted instants by zone. An instant's text is a pure function of (zone, instant), and the
// instants of slot lists repeat (every worker of a page on the same grid), so they are kept; the
// map is dropped whole when it grows large, which bounds it without bookkeeping.
const formattedByZone = new Map<string, Map<number, string>>();
let formattedCount = 0;

/** RFC 3339 with the zone's offset at that instant, e.g. `2026-03-02T09:00:00+03:00`. */
export function formatInstant(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const known = formattedByZone.get(timeZone)?.get(ms);
  if (known !== undefined) return known;
  const text = wallClock(instant, timeZone);
  if (formattedCount >= MAX_KEPT) {
    formattedByZone.clear();
    formattedCount = 0;
  }
  let texts = formattedByZone.get(timeZone);
  if (!texts) {
    texts = new Map();
    formattedByZone.set(timeZone, texts);
  }
  texts.set(ms, text);
  formattedCount++;
  return text;
}
