// The business's minimum notice in what is offered (API.md v1 extensions "Business profile and
// policies"): clients and anonymous callers are not offered starts sooner than now + notice, which a
// booking would refuse (409 not_available min_notice); staff, who may book past it, see every free
// slot. Applied to an answer after it is computed or recalled, so the remembered slot lists
// (./slot-lists.ts) stay the same for everyone and `now` is always this request's.

import type { ReplayTerms } from "@/lib/api/kept-answers";
import { type Caller, isStaff } from "@/lib/auth/roles";
import { earliestStart } from "@/lib/booking/policy";
import { offeredPolicy, offeredPolicyUntil } from "@/lib/business/policy";
import { rememberedAs, type SlotList } from "./slot-lists";

type Slot = { start: string };

/** Whether the starts offered to `caller` are held to the notice (everyone but staff). */
export const heldToNotice = (caller: Caller | null | undefined) => !caller || !isStaff(caller.role);

/** `slots` without the starts before `earliest` (a start exactly at it stays); the same array when none go. */
export function slotsFrom<S extends Slot>(slots: S[], earliest: Date): S[] {
  const ms = earliest.getTime();
  const first = slots.findIndex((s) => Date.parse(s.start) >= ms);
  if (first === 0) return slots;
  // Lists are in start order, but a filter keeps this right for any order.
  return first === -1 ? [] : slots.filter((s) => Date.parse(s.start) >= ms);
}

/** The earliest start offered to `caller` at `now`, or null when the notice does not apply. */
export async function noticeStart(caller: Caller | null | undefined, now: Date): Promise<Date | null> {
  if (!heldToNotice(caller)) return null;
  const policy = await offeredPolicy();
  return policy.minNoticeMinutes > 0 ? earliestStart(policy, now) : null;
}

/** A slot list (GET /workers/{ref}/slots) as offered to `caller`: a copy, the shared list is never changed. */
export async function slotsOffered<L extends { slots: Slot[] }>(
  list: L,
  caller: Caller | null | undefined,
  now: Date,
): Promise<L> {
  return offerFrom(list, await noticeStart(caller, now));
}

/** A slot list without the starts before `earliest` (noticeStart): a copy, the shared list is never changed. */
export function offerFrom<L extends { slots: Slot[] }>(list: L, earliest: Date | null): L {
  if (!earliest) return list;
  const slots = slotsFrom(list.slots, earliest);
  return slots === list.slots ? list : { ...list, slots };
}

/**
 * How long a slot answer offered to a signed-out caller may be sent again without computing it
 * (lib/api/kept-answers.ts), or null when it may not: only a remembered list, while its fingerprint
 * holds, and until the first of
 *   - the list's own end in time (a slot of it starts, its day ends: slot-lists.ts);
 *   - the notice passing the first offered start (`earliest` moves with the clock);
 *   - the policy copy it was offered by being read again (offeredPolicy).
 */
export async function offerReplayTerms(
  list: SlotList,
  offered: { slots: Slot[] },
  earliest: Date | null,
  now: Date,
): Promise<ReplayTerms | null> {
  const remembered = rememberedAs(list);
  if (!remembered) return null;
  let until = Math.min(remembered.expiresAt, await offeredPolicyUntil());
  const first = offered.slots[0];
  if (earliest && first) until = Math.min(until, Date.parse(first.start) - (earliest.getTime() - now.getTime()) + 1);
  const { keys, fingerprint } = remembered;
  return { validity: { kind: "schedule", keys, fingerprint }, until };
}

/** GET /availability as offered to `caller`: each worker's slots held to the notice. */
export async function availabilityOffered<A extends { items: { slots: Slot[] }[] }>(
  answer: A,
  caller: Caller | null | undefined,
  now: Date,
): Promise<A> {
  const earliest = await noticeStart(caller, now);
  if (!earliest) return answer;
  return { ...answer, items: answer.items.map((item) => ({ ...item, slots: slotsFrom(item.slots, earliest) })) };
}
