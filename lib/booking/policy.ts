// The business's booking policy (API.md v1 extensions "Business profile and policies") as pure
// decisions: minimum notice before a start, the cancel and reschedule cut-offs, and the number of
// upcoming appointments a client may hold. Policies bind clients only: for staff the same checks
// name the rules they book past, which the use case writes into its audit row (policyOverride).
import type { Business } from "@/lib/contract/business";

const MINUTE = 60_000;

export type Policy = Business["policy"];

/** A rule of the policy a booking or change would break, as the audit's policyOverride names it. */
export type PolicyRule = "min_notice" | "cancel_cutoff" | "reschedule_cutoff" | "max_upcoming";

/**
 * The earliest start the notice allows at `now`: a start exactly `minNoticeMinutes` ahead is
 * bookable, one a minute sooner is not. Notice is a length of time, so a DST change in between does
 * not move it.
 */
export const earliestStart = (policy: Pick<Policy, "minNoticeMinutes">, now: Date) =>
  new Date(now.getTime() + policy.minNoticeMinutes * MINUTE);

/** Whether `start` comes sooner than the notice allows (a start already past is `in_past`, not this). */
export function breaksNotice(policy: Pick<Policy, "minNoticeMinutes">, start: Date, now: Date): boolean {
  if (start.getTime() < now.getTime()) return false;
  return start.getTime() < earliestStart(policy, now).getTime();
}

/**
 * Whether a change of an appointment starting at `start` comes later than `cutoffMinutes` before it:
 * exactly at start − cut-off is still allowed, a minute later is not. A cut-off of 0 never bites (an
 * appointment that has started is refused as in_past anyway).
 */
export function pastCutoff(cutoffMinutes: number, start: Date, now: Date): boolean {
  if (cutoffMinutes <= 0) return false;
  return now.getTime() > start.getTime() - cutoffMinutes * MINUTE;
}

/** Whether a client holding `upcoming` booked future appointments may book one more. */
export function reachesLimit(policy: Pick<Policy, "maxUpcomingPerClient">, upcoming: number): boolean {
  const limit = policy.maxUpcomingPerClient;
  return limit !== null && upcoming >= limit;
}

/** The audit row's `after` with the rules staff booked past, unchanged when there are none. */
export function withOverrides<T extends object>(after: T, overrides: readonly PolicyRule[]): T {
  return overrides.length ? { ...after, policyOverride: [...overrides] } : after;
}
