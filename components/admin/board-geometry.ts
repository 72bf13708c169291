// The day board's geometry, as pure functions of instants (no React, no DOM): where on the board's
// vertical axis a minute lies, how tall a block is, which lane an overlapping appointment takes,
// which stretches are off-hours, and where the free slot starts sit. The axis runs in real elapsed
// time from the start of the local day in the board's zone (via @date-fns/tz, in lib/time/zoned),
// so a 23-hour or 25-hour DST day has exactly its real length and every block its true minutes.
import { zonedDateTimeToInstant } from "@/lib/time/zoned";

export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An interval as the API writes it (RFC 3339) or as instants in milliseconds. */
export type Span = { start: string | number | Date; end: string | number | Date };
type Ms = { start: number; end: number };

const ms = (instant: string | number | Date) => (typeof instant === "number" ? instant : new Date(instant).getTime());
const toMs = (span: Span): Ms => ({ start: ms(span.start), end: ms(span.end) });

/** The local day `date` in `timeZone` as instants: its midnight and the next one (23, 24 or 25 hours apart). */
export function localDay(date: string, timeZone: string): Ms {
  return {
    start: zonedDateTimeToInstant(date, "00:00", timeZone).getTime(),
    end: zonedDateTimeToInstant(date, "24:00", timeZone).getTime(),
  };
}

/** The stretch of the day the board draws, with its hour lines. */
export type BoardWindow = {
  start: number;
  end: number;
  /** Instants of the hour lines: whole elapsed hours from the local midnight, inside the window. */
  hours: number[];
};

/**
 * The board's window on `date`: whole hours (counted from the local midnight) around every shift and
 * every appointment shown, 09:00-18:00 when there are none, never outside the local day. An
 * appointment outside the shifts still shows at its real time.
 */
export function boardWindow(date: string, timeZone: string, spans: readonly Span[]): BoardWindow {
  const day = localDay(date, timeZone);
  const inDay = spans.map(toMs).filter((s) => s.start < day.end && s.end > day.start);
  const wall = (time: string) => zonedDateTimeToInstant(date, time, timeZone).getTime();
  const first = inDay.length ? Math.min(...inDay.map((s) => s.start)) : wall("09:00");
  const last = inDay.length ? Math.max(...inDay.map((s) => s.end)) : wall("18:00");
  const start = Math.max(day.start, day.start + Math.floor((first - day.start) / HOUR) * HOUR);
  const end = Math.min(day.end, day.start + Math.ceil((last - day.start) / HOUR) * HOUR);
  const hours: number[] = [];
  for (let t = start; t < end; t += HOUR) hours.push(t);
  return { start, end: Math.max(end, start + HOUR), hours };
}

/** Minutes from the window's start to `instant` (may be negative or past the end). */
export const minutesFrom = (window: Pick<BoardWindow, "start">, instant: string | number | Date) =>
  (ms(instant) - window.start) / MINUTE;

/** The window's length in minutes. */
export const windowMinutes = (window: Pick<BoardWindow, "start" | "end">) => (window.end - window.start) / MINUTE;

/**
 * Pixels per minute: an hour is at least 96 px, and a slot step at least 28 px tall, so the
 * shortest free time stays a usable target (a 20-minute step gets 1.6 px a minute; a 10-minute one 2.8).
 */
export function pixelsPerMinute(stepMinutes: readonly number[]): number {
  const shortest = Math.min(...stepMinutes.filter((s) => s > 0), 60);
  return Math.min(4, Math.max(1.6, 28 / shortest));
}

/** Where a span sits on the board: its top and height in minutes from the window's start (clipped to it). */
export type Placement = { top: number; height: number; clippedStart: boolean; clippedEnd: boolean };

/** The placement of `span` inside `window`, or null when no minute of it is inside. */
export function place(window: Pick<BoardWindow, "start" | "end">, span: Span): Placement | null {
  const s = toMs(span);
  const start = Math.max(s.start, window.start);
  const end = Math.min(s.end, window.end);
  if (end <= start) return null;
  return {
    top: (start - window.start) / MINUTE,
    height: (end - start) / MINUTE,
    clippedStart: s.start < window.start,
    clippedEnd: s.end > window.end,
  };
}

/**
 * Side-by-side lanes for overlapping spans: each gets the lowest lane free at its start, and every
 * span of a cluster (spans linked by overlaps) shares the cluster's lane count, so blocks split the
 * column evenly. Touching ends do not overlap. Returned in the input's order.
 */
export function lanes(spans: readonly Span[]): { lane: number; lanes: number }[] {
  const items = spans.map((span, index) => ({ ...toMs(span), index }));
  const order = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { lane: number; lanes: number }[] = spans.map(() => ({ lane: 0, lanes: 1 }));
  let cluster: number[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = Number.NEGATIVE_INFINITY;
  const close = () => {
    for (const i of cluster) (out[i] as { lanes: number }).lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const item of order) {
    if (item.start >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane < 0) lane = laneEnds.push(item.end) - 1;
    else laneEnds[lane] = item.end;
    (out[item.index] as { lane: number }).lane = lane;
    cluster.push(item.index);
    clusterEnd = Math.max(clusterEnd, item.end);
  }
  close();
  return out;
}

/**
 * The stretches of the window the worker does not work: outside every shift, plus time off. A day
 * off (no shifts) is the whole window, so days off and off-hours look alike. Merged and sorted.
 */
export function offHours(
  window: Pick<BoardWindow, "start" | "end">,
  shifts: readonly Span[],
  timeOff: readonly Span[],
): Ms[] {
  const worked = merge(shifts.map(toMs));
  const off: Ms[] = [];
  let cursor = window.start;
  for (const s of worked) {
    if (s.start > cursor) off.push({ start: cursor, end: Math.min(s.start, window.end) });
    cursor = Math.max(cursor, s.end);
  }
  if (cursor < window.end) off.push({ start: cursor, end: window.end });
  const clipped = [...off, ...timeOff.map(toMs)]
    .map((s) => ({ start: Math.max(s.start, window.start), end: Math.min(s.end, window.end) }))
    .filter((s) => s.end > s.start);
  return merge(clipped);
}

function merge(spans: Ms[]): Ms[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Ms[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

const overlaps = (a: Ms, b: Ms) => a.start < b.end && b.start < a.end;

/**
 * The free times the board offers: the slot starts the API gave (the worker's own grid), less those
 * now overlapping an appointment on the board (a booking the server has not answered yet), each
 * drawn from its start to the next start (at most its own length), so neighbours never overlap.
 */
export function freeStarts(slots: readonly Span[], taken: readonly Span[]): Ms[] {
  const busy = taken.map(toMs);
  const starts = slots
    .map(toMs)
    .filter((s) => !busy.some((b) => overlaps(s, b)))
    .sort((a, b) => a.start - b.start);
  return starts
    .filter((s, i) => i === 0 || s.start !== starts[i - 1]?.start)
    .map((s, i, all) => {
      const next = all[i + 1]?.start ?? Number.POSITIVE_INFINITY;
      return { start: s.start, end: Math.min(s.end, next) };
    });
}

/**
 * Slot starts for a worker the API cannot give slots for (no service to ask about): every `step`
 * minutes from each shift's start, wherever `[start, start + step)` is inside the shift and touches
 * nothing in `blocked`.
 */
export function gridStarts(shifts: readonly Span[], blocked: readonly Span[], stepMinutes: number): Ms[] {
  const step = stepMinutes * MINUTE;
  const busy = blocked.map(toMs);
  const out: Ms[] = [];
  for (const shift of merge(shifts.map(toMs))) {
    for (let t = shift.start; t + step <= shift.end; t += step) {
      const slot = { start: t, end: t + step };
      if (!busy.some((b) => overlaps(slot, b))) out.push(slot);
    }
  }
  return out;
}
