// Which starts a client is offered under the minimum notice (./notice.ts): exactly at now + notice
// stays, a minute sooner goes; run under TZ=UTC and TZ=America/Los_Angeles.
import { describe, expect, it } from "vitest";
import { heldToNotice, slotsFrom } from "./notice";

const slot = (iso: string) => ({ start: iso, end: iso });

describe("the notice in offered slots", () => {
  const slots = [slot("2026-03-08T09:30:00Z"), slot("2026-03-08T10:00:00Z"), slot("2026-03-08T10:30:00Z")];

  it("keeps a start exactly at the earliest, drops those before it", () => {
    expect(slotsFrom(slots, new Date("2026-03-08T10:00:00Z"))).toEqual(slots.slice(1));
    expect(slotsFrom(slots, new Date("2026-03-08T10:01:00Z"))).toEqual(slots.slice(2));
    expect(slotsFrom(slots, new Date("2026-03-08T09:59:00Z"))).toEqual(slots.slice(1));
  });

  it("answers the same list when nothing goes, and none when all do", () => {
    expect(slotsFrom(slots, new Date("2026-03-08T09:30:00Z"))).toBe(slots);
    expect(slotsFrom(slots, new Date("2026-03-08T11:00:00Z"))).toEqual([]);
  });

  it("holds clients and anonymous callers to it, not staff", () => {
    expect(heldToNotice(null)).toBe(true);
    expect(heldToNotice({ id: "u", role: "client" } as never)).toBe(true);
    expect(heldToNotice({ id: "u", role: "admin" } as never)).toBe(false);
    expect(heldToNotice({ id: "u", role: "manager" } as never)).toBe(false);
  });
});
