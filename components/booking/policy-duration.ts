/** Minutes as the largest whole units that add up to them: 1440 → [1 day], 90 → [1 hour, 30 minutes]. */
export function durationParts(minutes: number): { unit: "days" | "hours" | "minutes"; count: number }[] {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [
    { unit: "days" as const, count: days },
    { unit: "hours" as const, count: hours },
    { unit: "minutes" as const, count: rest },
  ].filter((part) => part.count > 0);
}

/** The words of a duration, given the policy namespace's `days`, `hours` and `minutes` messages. */
export function durationText(
  minutes: number,
  t: (unit: "days" | "hours" | "minutes", values: { count: number }) => string,
) {
  return durationParts(minutes)
    .map((part) => t(part.unit, { count: part.count }))
    .join(" ");
}
