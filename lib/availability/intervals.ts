// Half-open intervals of instants, [start, end): an interval contains its start and not its end, so
// [09:00, 10:00) and [10:00, 11:00) touch without overlapping (DESIGN.md "Data"). Pure functions only.

/** A half-open interval [start, end). One with end <= start (or an invalid Date) is empty. */
export type Interval = { start: Date; end: Date };

/** Milliseconds since the epoch, [start, end); the working form of the functions below. */
type Span = [number, number];

const toSpan = (i: Interval): Span => [i.start.getTime(), i.end.getTime()];
const toInterval = ([start, end]: Span): Interval => ({ start: new Date(start), end: new Date(end) });

/** True when the interval holds no instant: end <= start, or either bound is not a valid date. */
export function isEmptyInterval(i: Interval): boolean {
  // Written as a negation so that NaN (an invalid Date) counts as empty too.
  return !(i.start.getTime() < i.end.getTime());
}

/** True when the two intervals share an instant; touching ends ([9,10) and [10,11)) do not. */
export function overlaps(a: Interval, b: Interval): boolean {
  if (isEmptyInterval(a) || isEmptyInterval(b)) return false;
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** The part of `interval` inside `within`, or null when they do not overlap. */
export function clipInterval(interval: Interval, within: Interval): Interval | null {
  if (!overlaps(interval, within)) return null;
  const start = Math.max(interval.start.getTime(), within.start.getTime());
  const end = Math.min(interval.end.getTime(), within.end.getTime());
  return toInterval([start, end]);
}

/** Non-empty spans, sorted and merged where they overlap or touch. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter(([s, e]) => s < e).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Span[] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * The union of `intervals` as the fewest disjoint intervals, sorted by start. Overlapping and touching
 * intervals become one ([9,10) + [10,11) = [9,11)); empty ones disappear. Inputs are not modified.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  return mergeSpans(intervals.map(toSpan)).map(toInterval);
}

/**
 * What remains of `from` once every instant of `busy` is taken out, as sorted disjoint intervals.
 * A busy interval that only touches a free one ([8,9) against [9,12)) takes nothing from it.
 */
export function subtractIntervals(from: readonly Interval[], busy: readonly Interval[]): Interval[] {
  const taken = mergeSpans(busy.map(toSpan));
  const free: Span[] = [];
  let j = 0;
  for (const [start, end] of mergeSpans(from.map(toSpan))) {
    // Busy spans that end at or before this start cannot touch it, nor any later free span.
    while (j < taken.length && (taken[j] as Span)[1] <= start) j++;
    let cursor = start;
    for (let k = j; k < taken.length && cursor < end; k++) {
      const [busyStart, busyEnd] = taken[k] as Span;
      if (busyStart >= end) break;
      if (busyStart > cursor) free.push([cursor, busyStart]);
      cursor = Math.max(cursor, busyEnd);
    }
    if (cursor < end) free.push([cursor, end]);
  }
  return free.map(toInterval);
}
