import { describe, expect, it } from "vitest";
import { clipInterval, type Interval, isEmptyInterval, mergeIntervals, overlaps, subtractIntervals } from "./intervals";

// Times of one UTC day, "HH:MM"; intervals print back as "HH:MM-HH:MM".
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const iv = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const show = (list: Interval[]) =>
  list.map((i) => `${i.start.toISOString().slice(11, 16)}-${i.end.toISOString().slice(11, 16)}`);

describe("isEmptyInterval and overlaps", () => {
  it("treats zero-length, inverted and invalid intervals as empty", () => {
    expect(isEmptyInterval(iv("09:00", "09:00"))).toBe(true);
    expect(isEmptyInterval(iv("10:00", "09:00"))).toBe(true);
    expect(isEmptyInterval({ start: new Date(Number.NaN), end: at("09:00") })).toBe(true);
    expect(isEmptyInterval(iv("09:00", "09:01"))).toBe(false);
  });

  it("says touching intervals do not overlap, and one minute of sharing does", () => {
    expect(overlaps(iv("09:00", "10:00"), iv("10:00", "11:00"))).toBe(false);
    expect(overlaps(iv("10:00", "11:00"), iv("09:00", "10:00"))).toBe(false);
    expect(overlaps(iv("09:00", "10:01"), iv("10:00", "11:00"))).toBe(true);
    expect(overlaps(iv("09:00", "12:00"), iv("10:00", "11:00"))).toBe(true);
    expect(overlaps(iv("10:00", "11:00"), iv("10:00", "11:00"))).toBe(true);
  });

  it("says an empty interval overlaps nothing, even inside another", () => {
    expect(overlaps(iv("10:00", "10:00"), iv("09:00", "11:00"))).toBe(false);
    expect(overlaps(iv("09:00", "11:00"), iv("11:00", "10:00"))).toBe(false);
  });
});

describe("clipInterval", () => {
  const shift = iv("09:00", "12:00");
  it("keeps the part inside, whole or cut at either end", () => {
    expect(show([clipInterval(iv("10:00", "11:00"), shift) as Interval])).toEqual(["10:00-11:00"]);
    expect(show([clipInterval(iv("08:00", "09:30"), shift) as Interval])).toEqual(["09:00-09:30"]);
    expect(show([clipInterval(iv("11:30", "13:00"), shift) as Interval])).toEqual(["11:30-12:00"]);
    expect(show([clipInterval(iv("00:00", "23:00"), shift) as Interval])).toEqual(["09:00-12:00"]);
  });

  it("gives null for intervals that only touch, lie outside or are empty", () => {
    expect(clipInterval(iv("08:00", "09:00"), shift)).toBeNull();
    expect(clipInterval(iv("12:00", "13:00"), shift)).toBeNull();
    expect(clipInterval(iv("10:00", "10:00"), shift)).toBeNull();
  });
});

describe("mergeIntervals", () => {
  it("merges overlapping and touching intervals, keeps gaps, sorts", () => {
    const merged = mergeIntervals([
      iv("13:00", "14:00"),
      iv("09:00", "10:00"),
      iv("10:00", "11:00"),
      iv("10:30", "12:00"),
    ]);
    expect(show(merged)).toEqual(["09:00-12:00", "13:00-14:00"]);
  });

  it("keeps a one-minute gap", () => {
    expect(show(mergeIntervals([iv("09:00", "10:00"), iv("10:01", "11:00")]))).toEqual(["09:00-10:00", "10:01-11:00"]);
  });

  it("swallows intervals inside others and drops empty ones", () => {
    const merged = mergeIntervals([
      iv("09:00", "17:00"),
      iv("10:00", "11:00"),
      iv("12:00", "12:00"),
      iv("18:00", "17:30"),
    ]);
    expect(show(merged)).toEqual(["09:00-17:00"]);
  });

  it("returns nothing for nothing and does not touch its input", () => {
    expect(mergeIntervals([])).toEqual([]);
    const input = [iv("10:00", "11:00"), iv("09:00", "10:30")];
    mergeIntervals(input);
    expect(show(input)).toEqual(["10:00-11:00", "09:00-10:30"]);
  });
});

describe("subtractIntervals", () => {
  const day = [iv("09:00", "18:00")];

  it("cuts a busy interval out of the middle", () => {
    expect(show(subtractIntervals(day, [iv("12:00", "13:00")]))).toEqual(["09:00-12:00", "13:00-18:00"]);
  });

  it("takes nothing for busy intervals that only touch either end", () => {
    expect(show(subtractIntervals(day, [iv("08:00", "09:00"), iv("18:00", "19:00")]))).toEqual(["09:00-18:00"]);
  });

  it("trims busy intervals sticking out of either end", () => {
    expect(show(subtractIntervals(day, [iv("08:00", "10:00"), iv("17:00", "20:00")]))).toEqual(["10:00-17:00"]);
  });

  it("leaves nothing when busy covers everything, exactly or more", () => {
    expect(subtractIntervals(day, [iv("09:00", "18:00")])).toEqual([]);
    expect(subtractIntervals(day, [iv("00:00", "23:59")])).toEqual([]);
  });

  it("handles adjacent and overlapping busy intervals as their union", () => {
    const busy = [iv("10:00", "10:30"), iv("10:30", "11:00"), iv("10:45", "11:15"), iv("14:00", "15:00")];
    expect(show(subtractIntervals(day, busy))).toEqual(["09:00-10:00", "11:15-14:00", "15:00-18:00"]);
  });

  it("leaves a one-minute gap between two busy intervals free", () => {
    expect(show(subtractIntervals(day, [iv("09:00", "12:00"), iv("12:01", "18:00")]))).toEqual(["12:00-12:01"]);
  });

  it("ignores empty busy intervals and empty free intervals", () => {
    expect(show(subtractIntervals(day, [iv("12:00", "12:00"), iv("13:00", "11:00")]))).toEqual(["09:00-18:00"]);
    expect(subtractIntervals([iv("09:00", "09:00")], [])).toEqual([]);
  });

  it("works across several free intervals, with a busy one spanning the gap between them", () => {
    const free = [iv("17:00", "21:00"), iv("08:00", "10:00")];
    const busy = [iv("09:30", "17:30"), iv("20:00", "20:15")];
    expect(show(subtractIntervals(free, busy))).toEqual(["08:00-09:30", "17:30-20:00", "20:15-21:00"]);
  });

  it("merges the free intervals first, so overlapping ones give no duplicates", () => {
    expect(show(subtractIntervals([iv("09:00", "12:00"), iv("11:00", "13:00")], [iv("10:00", "10:30")]))).toEqual([
      "09:00-10:00",
      "10:30-13:00",
    ]);
  });
});
