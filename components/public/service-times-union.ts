import type { Availability } from "@/lib/contract";

type Slot = { start: string; end: string };

/** Every start offered by any worker, once each (by instant), earliest first. */
export function unionOfStarts(items: Availability["items"]): Slot[] {
  const byInstant = new Map<number, Slot>();
  for (const item of items) {
    for (const slot of item.slots) {
      const at = Date.parse(slot.start);
      if (!byInstant.has(at)) byInstant.set(at, slot);
    }
  }
  return [...byInstant.entries()].sort((a, b) => a[0] - b[0]).map(([, slot]) => slot);
}
