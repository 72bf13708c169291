// Weekly rules → dated shift intervals. Pure: the calendar and the zone are all it reads.
import { addDaysToDate, isoWeekdayOf, zonedDateOf, zonedDateTimeToInstant } from "@/lib/time/zoned";
import { sortRules, type WeeklyRule } from "./rules";

export type PlannedShift = { date: string; rule: WeeklyRule; start: Date; end: Date };

/**
 * The shifts that `rules` make on every date from `from` through `through` (both included, local
 * dates in `timeZone`), in order. Wall times become instants with zonedDateTimeToInstant, so a
 * 09:00-17:00 rule stays 09:00-17:00 local across DST; a start in a spring-forward gap moves forward
 * by the gap, a repeated wall time takes the earlier instant. Empty when `through` is before `from`.
 */
export function planWeeklyShifts(
  rules: readonly WeeklyRule[],
  range: { from: string; through: string; timeZone: string },
): PlannedShift[] {
  const byWeekday = new Map<number, WeeklyRule[]>();
  for (const rule of sortRules(rules)) byWeekday.set(rule.weekday, [...(byWeekday.get(rule.weekday) ?? []), rule]);
  const planned: PlannedShift[] = [];
  if (byWeekday.size === 0) return planned;
  for (let date = range.from; date <= range.through; date = addDaysToDate(date, 1)) {
    for (const rule of byWeekday.get(isoWeekdayOf(date)) ?? []) {
      const start = zonedDateTimeToInstant(date, rule.start, range.timeZone);
      const end = zonedDateTimeToInstant(date, rule.end, range.timeZone);
      // Both ends move forward out of a spring-forward gap; 02:30-03:00 on that day ends before it starts.
      if (end > start) planned.push({ date, rule, start, end });
    }
  }
  return planned;
}

/**
 * The last local date of a booking horizon: today in `timeZone` plus `horizonDays`. Shifts are made
 * through this date, so every bookable moment has its shift whichever way the horizon is rounded.
 */
export function horizonDate(now: Date, timeZone: string, horizonDays: number): string {
  return addDaysToDate(zonedDateOf(now, timeZone), horizonDays);
}

/** The later of two YYYY-MM-DD dates (they compare as strings). */
export const laterDate = (a: string, b: string) => (a > b ? a : b);
/** The earlier of two YYYY-MM-DD dates. */
export const earlierDate = (a: string, b: string) => (a < b ? a : b);
