// The business's minimum notice in what is offered (API.md v1 extensions "Business profile and
// policies"): clients and anonymous callers are not offered starts sooner than now + notice, which a
// booking would refuse (409 not_available min_notice); staff, who may book past it, see every free
// slot. Applied to an answer after it is computed or recalled, so the remembered slot lists
// (./slot-lists.ts) stay the same for everyone and `now` is always this request's.
import { type Caller, isStaff } from "@/lib/auth/roles";
import { earliestStart } from "@/lib/booking/policy";
import { offeredPolicy } from "@/lib/business/policy";

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
  const earliest = await noticeStart(caller, now);
  if (!earliest) return list;
  const slots = slotsFrom(list.slots, earliest);
  return slots === list.slots ? list : { ...list, slots };
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
