// The business policy applied inside the booking transactions (./create.ts, ./change.ts): a client is
// refused (409 not_available min_notice / max_upcoming, 409 cutoff_passed); staff are not, and the
// rules they went past are answered for the audit row (./policy.ts withOverrides).
import { countUpcomingOfClient } from "@/db/queries/client-upcoming";
import { lockClient } from "@/db/queries/clients";
import { cutoffPassed, notAvailable } from "@/lib/errors";
import { breaksNotice, type Policy, type PolicyRule, pastCutoff, reachesLimit } from "./policy";
import type { Tx } from "./transaction";

/**
 * A new booking of `clientId` starting at `start`. The upcoming limit is counted only when there is
 * one; for a client, under the client row held FOR NO KEY UPDATE until the transaction ends, so two
 * bookings of one client count one after the other (the count is a statement of its own, after the
 * lock, so it sees what the other committed). Staff count without that lock: for the audit only.
 */
export async function checkNewBooking(
  tx: Tx,
  p: { policy: Policy; staff: boolean; clientId: string; start: Date; now: Date },
): Promise<PolicyRule[]> {
  const { policy, staff } = p;
  const overrides: PolicyRule[] = [];
  if (breaksNotice(policy, p.start, p.now)) {
    if (!staff) throw notAvailable("min_notice", { minNoticeMinutes: policy.minNoticeMinutes });
    overrides.push("min_notice");
  }
  if (policy.maxUpcomingPerClient !== null) {
    const [, upcoming] = await Promise.all([
      staff ? undefined : lockClient(tx, p.clientId, "no key update"),
      countUpcomingOfClient(tx, p.clientId, p.now),
    ]);
    if (reachesLimit(policy, upcoming)) {
      if (!staff) throw notAvailable("max_upcoming", { maxUpcomingPerClient: policy.maxUpcomingPerClient });
      overrides.push("max_upcoming");
    }
  }
  return overrides;
}

/**
 * A move of an appointment starting at `currentStart` to `newStart`: the reschedule cut-off counts
 * from the current start, the notice from the new one.
 */
export function checkReschedule(p: {
  policy: Policy;
  staff: boolean;
  currentStart: Date;
  newStart: Date;
  now: Date;
}): PolicyRule[] {
  const { policy, staff } = p;
  const overrides: PolicyRule[] = [];
  if (pastCutoff(policy.rescheduleCutoffMinutes, p.currentStart, p.now)) {
    if (!staff) throw cutoffPassed("reschedule", policy.rescheduleCutoffMinutes);
    overrides.push("reschedule_cutoff");
  }
  if (p.newStart.getTime() !== p.currentStart.getTime() && breaksNotice(policy, p.newStart, p.now)) {
    if (!staff) throw notAvailable("min_notice", { minNoticeMinutes: policy.minNoticeMinutes });
    overrides.push("min_notice");
  }
  return overrides;
}

/** A cancellation (POST …/cancel, or staff setting status cancelled) of an appointment starting at `start`. */
export function checkCancel(p: { policy: Policy; staff: boolean; start: Date; now: Date }): PolicyRule[] {
  if (!pastCutoff(p.policy.cancelCutoffMinutes, p.start, p.now)) return [];
  if (!p.staff) throw cutoffPassed("cancel", p.policy.cancelCutoffMinutes);
  return ["cancel_cutoff"];
}
