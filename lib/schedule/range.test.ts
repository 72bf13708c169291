import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { resolveRange } from "./range";

const now = new Date("2026-03-28T12:00:00Z");
const iso = (r: { start: Date; end: Date | null }) => [r.start.toISOString(), r.end?.toISOString() ?? null];

describe("resolveRange", () => {
  it("reads dates in the zone: `from` at that day's start, `to` through that day's end", () => {
    // Berlin springs forward on 29 March: that day is 23 hours long.
    expect(iso(resolveRange({ from: "2026-03-29", to: "2026-03-29" }, "Europe/Berlin", now, 14))).toEqual([
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
    ]);
  });

  it("takes instants as they are, and defaults to now and `defaultDays` (or no end)", () => {
    const range = resolveRange({ from: "2026-03-02T09:00:00+03:00" }, "UTC", now, 14);
    expect(iso(range)).toEqual(["2026-03-02T06:00:00.000Z", "2026-03-16T06:00:00.000Z"]);
    expect(iso(resolveRange({}, "UTC", now, null))).toEqual([now.toISOString(), null]);
    expect(iso(resolveRange({ to: "2026-03-29T00:00:00Z" }, "UTC", now, null))).toEqual([
      now.toISOString(),
      "2026-03-29T00:00:00.000Z",
    ]);
  });

  it("refuses a `to` that is not after `from` with validation_failed", () => {
    expect(() => resolveRange({ from: "2026-03-02", to: "2026-03-01" }, "UTC", now, 14)).toThrow(AppError);
    expect(() => resolveRange({ to: "2026-03-28T12:00:00Z" }, "UTC", now, 14)).toThrow(/not valid/);
  });
});
