import { validationFailed } from "@/lib/errors";
import { zonedDateTimeToInstant, zonedDayBounds } from "@/lib/time/zoned";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

/** An instant, or a date read in `timeZone`: its first instant for `from`, the next day's for `to`. */
function boundInstant(value: string, timeZone: string, edge: "from" | "to"): Date {
  if (!DATE.test(value)) return new Date(value);
  return edge === "from" ? zonedDateTimeToInstant(value, "00:00", timeZone) : zonedDayBounds(value, timeZone).end;
}

/**
 * The half-open range `[start, end)` of a list query. Without `from` it starts at `now`; without
 * `to` it runs `defaultDays` after the start, or on without end when `defaultDays` is null.
 */
export function resolveRange(
  query: { from?: string; to?: string },
  timeZone: string,
  now: Date,
  defaultDays: number | null,
): { start: Date; end: Date | null } {
  const start = query.from ? boundInstant(query.from, timeZone, "from") : now;
  const end = query.to
    ? boundInstant(query.to, timeZone, "to")
    : defaultDays === null
      ? null
      : new Date(start.getTime() + defaultDays * DAY);
  if (end && end <= start) {
    throw validationFailed("to", "to must be after from.");
  }
  return { start, end };
}
