import { describe, expect, it } from "vitest";
import type { Interval } from "@/lib/availability/intervals";
import { type BookingCheck, checkBooking, coveringLocation, defaultEnd } from "./rules";

// Times of 2026-03-02 in UTC as "HH:MM"; the rules never read a timezone, so any host TZ holds.
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const iv = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const shift = (start: string, end: string, locationId = "cabinet-1") => ({ ...iv(start, end), locationId });

function verdict(interval: Interval, over: Partial<BookingCheck> = {}) {
  return checkBooking({
    interval,
    now: at("08:00"),
    horizonEnd: at("20:00"),
    shifts: [shift("09:00", "12:00")],
    timeOff: [],
    ...over,
  });
}
const reason = (interval: Interval, over: Partial<BookingCheck> = {}) => {
  const v = verdict(interval, over);
  return v.ok ? "ok" : v.reason;
};

describe("checkBooking: the shift", () => {
  it("books an interval inside a shift, at the shift's location", () => {
    expect(verdict(iv("10:00", "10:30"))).toEqual({ ok: true, locationId: "cabinet-1" });
  });

  it("books one that starts exactly at the shift start and one that ends exactly at its end", () => {
    expect(reason(iv("09:00", "09:30"))).toBe("ok");
    expect(reason(iv("11:30", "12:00"))).toBe("ok");
    expect(reason(iv("09:00", "12:00"))).toBe("ok");
  });

  it("refuses one that starts a minute before the shift or ends a minute after it", () => {
    expect(reason(iv("08:59", "09:29"))).toBe("outside_schedule");
    expect(reason(iv("11:31", "12:01"))).toBe("outside_schedule");
  });

  it("refuses one with no shift at all, and one entirely after the shift", () => {
    expect(reason(iv("10:00", "10:30"), { shifts: [] })).toBe("outside_schedule");
    expect(reason(iv("12:00", "12:30"))).toBe("outside_schedule");
  });

  it("books across two touching shifts at one location, as the slot list offers it", () => {
    const shifts = [shift("09:00", "12:00"), shift("12:00", "15:00")];
    expect(reason(iv("11:30", "12:30"), { shifts })).toBe("ok");
  });

  it("refuses across a gap between two shifts", () => {
    const shifts = [shift("09:00", "12:00"), shift("12:01", "15:00")];
    expect(reason(iv("11:30", "12:30"), { shifts })).toBe("outside_schedule");
  });

  it("never combines shifts at two locations", () => {
    const shifts = [shift("09:00", "12:00", "a"), shift("12:00", "15:00", "b")];
    expect(reason(iv("11:30", "12:30"), { shifts })).toBe("outside_schedule");
    expect(verdict(iv("12:00", "12:30"), { shifts })).toEqual({ ok: true, locationId: "b" });
  });

  it("with a named location, counts only the shifts there", () => {
    expect(reason(iv("10:00", "10:30"), { locationId: "cabinet-2" })).toBe("outside_schedule");
    expect(verdict(iv("10:00", "10:30"), { locationId: "cabinet-1" })).toEqual({ ok: true, locationId: "cabinet-1" });
  });
});

describe("checkBooking: time off", () => {
  const timeOff = [iv("10:00", "10:30")];

  it("refuses an interval overlapping time off by a minute on either side", () => {
    expect(reason(iv("09:31", "10:01"), { timeOff })).toBe("time_off");
    expect(reason(iv("10:29", "10:59"), { timeOff })).toBe("time_off");
    expect(reason(iv("09:00", "12:00"), { timeOff })).toBe("time_off");
  });

  it("books one that ends exactly when time off starts, or starts exactly when it ends", () => {
    expect(reason(iv("09:30", "10:00"), { timeOff })).toBe("ok");
    expect(reason(iv("10:30", "11:00"), { timeOff })).toBe("ok");
  });
});

describe("checkBooking: now and the horizon", () => {
  it("books one starting exactly now, refuses one starting a minute ago", () => {
    expect(reason(iv("09:00", "09:30"), { now: at("09:00") })).toBe("ok");
    expect(reason(iv("09:00", "09:30"), { now: at("09:01") })).toBe("in_past");
  });

  it("books one ending exactly at the horizon, refuses one ending a minute after", () => {
    expect(reason(iv("11:00", "11:30"), { horizonEnd: at("11:30") })).toBe("ok");
    expect(reason(iv("11:00", "11:30"), { horizonEnd: at("11:29") })).toBe("beyond_horizon");
  });

  it("has no horizon when none applies (staff)", () => {
    expect(reason(iv("11:00", "11:30"), { horizonEnd: null, now: at("00:00") })).toBe("ok");
  });

  it("answers in_past before anything else, then beyond_horizon before the schedule", () => {
    expect(reason(iv("07:00", "07:30"), { shifts: [], timeOff: [iv("07:00", "08:00")] })).toBe("in_past");
    expect(reason(iv("21:00", "21:30"), { shifts: [] })).toBe("beyond_horizon");
    expect(reason(iv("10:00", "10:30"), { shifts: [], timeOff: [iv("10:00", "10:30")] })).toBe("outside_schedule");
  });
});

describe("checkBooking: rooms", () => {
  it("books a room whenever it is not in the past or past the horizon", () => {
    expect(verdict(iv("03:00", "23:00"), { shifts: null, now: at("03:00"), horizonEnd: null })).toEqual({
      ok: true,
      locationId: null,
    });
    expect(reason(iv("07:59", "09:00"), { shifts: null })).toBe("in_past");
    expect(reason(iv("19:00", "20:01"), { shifts: null })).toBe("beyond_horizon");
  });
});

describe("booking helpers", () => {
  it("refuses an empty interval outright: the schema lets none through", () => {
    expect(() => verdict(iv("10:00", "10:00"))).toThrow(RangeError);
  });

  it("ends a default appointment the service's duration after its start", () => {
    expect(defaultEnd(at("09:45"), 30)).toEqual(at("10:15"));
  });

  it("finds no covering location among no shifts", () => {
    expect(coveringLocation(iv("09:00", "10:00"), [])).toBeNull();
  });
});
