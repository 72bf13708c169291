// Wall times ("HH:MM") as weekly schedules and room bookings take them. No zod here: the room page's
// form checks them in the browser with these same rules, and its island must stay small.

/** A start: 00:00 to 23:59. */
export const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** An end: 00:01 to 24:00 (midnight closes the day). */
export const CLOCK_OR_MIDNIGHT = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * Which of a wall-time interval's fields are wrong, by the weekly schedule's rule: each well-formed,
 * and the end after the start once both are (well-formed "HH:MM" strings compare in time order).
 */
export function wallTimeIssues(start: string, end: string): { start?: true; end?: true } {
  const issues: { start?: true; end?: true } = {};
  if (!CLOCK.test(start)) issues.start = true;
  if (!CLOCK_OR_MIDNIGHT.test(end) || (!issues.start && end <= start)) issues.end = true;
  return issues;
}
