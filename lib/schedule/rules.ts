// Weekly rules: wall-clock working hours per ISO weekday, read in the location's timezone.

/** One working interval on one weekday; `end` may be "24:00" (the end of that day). */
export type WeeklyRule = { weekday: number; start: string; end: string };

/** Minutes since midnight of an "HH:MM" wall time (00:00-24:00). */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const compareRules = (a: WeeklyRule, b: WeeklyRule) =>
  a.weekday - b.weekday || minutesOf(a.start) - minutesOf(b.start) || minutesOf(a.end) - minutesOf(b.end);

/** Rules in a canonical order: by weekday, then start, then end. */
export function sortRules(rules: readonly WeeklyRule[]): WeeklyRule[] {
  return [...rules].sort(compareRules);
}

/** True when both lists hold the same rules, whatever their order. */
export function sameRules(a: readonly WeeklyRule[], b: readonly WeeklyRule[]): boolean {
  const [x, y] = [sortRules(a), sortRules(b)];
  return x.length === y.length && x.every((rule, i) => compareRules(rule, y[i] as WeeklyRule) === 0);
}

/**
 * Pairs of indexes `[i, j]` (i < j) of rules on the same weekday whose half-open intervals overlap.
 * Rules that only touch (08:00-10:00 and 10:00-12:00) do not overlap.
 */
export function overlappingRules(rules: readonly WeeklyRule[]): [number, number][] {
  const pairs: [number, number][] = [];
  rules.forEach((a, i) => {
    rules.forEach((b, j) => {
      if (j <= i || a.weekday !== b.weekday) return;
      if (minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end)) pairs.push([i, j]);
    });
  });
  return pairs;
}
