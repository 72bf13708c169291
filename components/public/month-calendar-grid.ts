// Pure calendar arithmetic of the month calendar on the worker page: months as YYYY-MM, their days,
// and weeks from Monday. Plain calendar dates, no zone (the days are the location's local days).
import { addDaysToDate, isoWeekdayOf } from "@/lib/time/zoned";

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a month written YYYY-MM with a year from 1000 to 9998 (what the API's dates accept). */
export const isMonth = (value: unknown): value is string =>
  typeof value === "string" && MONTH_RE.test(value) && value >= "1000-01" && value <= "9998-12";

export const monthOf = (date: string) => date.slice(0, 7);

/** The month `count` months after (or before) `month`. */
export function addMonths(month: string, count: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The first and last day of a month. */
export function monthDays(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDaysToDate(`${addMonths(month, 1)}-01`, -1) };
}

/** The month's days in weeks from Monday to Sunday; null pads the first and last week. */
export function monthWeeks(month: string): (string | null)[][] {
  const { from, to } = monthDays(month);
  const cells: (string | null)[] = Array.from({ length: isoWeekdayOf(from) - 1 }, () => null);
  for (let date = from; date <= to; date = addDaysToDate(date, 1)) cells.push(date);
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}
