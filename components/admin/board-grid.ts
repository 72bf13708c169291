import { zonedDateTimeToInstant } from "@/lib/time/zoned";
import type { Interval } from "./use-board-data";

/** Rows of the day board: half hours from the earliest shift start to the latest shift end. */
export const ROW_MINUTES = 30;
const MINUTE = 60_000;

const ms = (instant: string) => new Date(instant).getTime();
const overlaps = (a: { start: number; end: number }, b: Interval) => a.start < ms(b.end) && ms(b.start) < a.end;

/**
 * The instants that start the board's rows on `date` in `timeZone`: whole hours around every shift
 * (09:00-18:00 on a day without shifts). Built from wall times, so a DST day has its real length.
 */
export function boardRows(date: string, timeZone: string, shifts: Interval[]): number[] {
  const dayStart = zonedDateTimeToInstant(date, "00:00", timeZone).getTime();
  const dayEnd = zonedDateTimeToInstant(date, "24:00", timeZone).getTime();
  const wall = (time: string) => zonedDateTimeToInstant(date, time, timeZone).getTime();
  const first = shifts.length ? Math.min(...shifts.map((s) => ms(s.start))) : wall("09:00");
  const last = shifts.length ? Math.max(...shifts.map((s) => ms(s.end))) : wall("18:00");
  const hour = 60 * MINUTE;
  // Offsets are whole or half hours in nearly every zone; round to the row size from the day's start.
  const from = Math.max(dayStart, dayStart + Math.floor((first - dayStart) / hour) * hour);
  const to = Math.min(dayEnd, dayStart + Math.ceil((last - dayStart) / hour) * hour);
  const rows: number[] = [];
  for (let t = from; t < to; t += ROW_MINUTES * MINUTE) rows.push(t);
  return rows;
}

/** A row is free when it lies wholly inside a shift and touches no time off, busy time or appointment. */
export function isFree(rowStart: number, day: { shifts: Interval[]; blocked: Interval[] }): boolean {
  const row = { start: rowStart, end: rowStart + ROW_MINUTES * MINUTE };
  const inShift = day.shifts.some((s) => ms(s.start) <= row.start && row.end <= ms(s.end));
  return inShift && !day.blocked.some((b) => overlaps(row, b));
}

/** The row an instant falls in, and how many rows an interval spans (at least one). */
export function rowSpan(rows: number[], interval: Interval): { row: number; span: number } | null {
  const start = ms(interval.start);
  const end = ms(interval.end);
  const first = rows.findIndex((r) => r + ROW_MINUTES * MINUTE > start);
  if (first < 0 || end <= (rows[0] ?? 0)) return null;
  let last = first;
  while (last + 1 < rows.length && (rows[last + 1] ?? 0) < end) last++;
  return { row: first, span: last - first + 1 };
}
