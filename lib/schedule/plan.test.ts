// Run under TZ=UTC and TZ=America/Los_Angeles: expectations are absolute instants or local wall
// times in the location's zone, so anything that leaks the host's zone fails in one of them.
import { describe, expect, it } from "vitest";
import { formatInstant } from "@/lib/time/zoned";
import { horizonDate, planWeeklyShifts } from "./plan";
import { overlappingRules, sameRules, sortRules, type WeeklyRule } from "./rules";

const local = (zone: string) => (p: { start: Date; end: Date }) =>
  `${formatInstant(p.start, zone)}/${formatInstant(p.end, zone)}`;
const hours = (p: { start: Date; end: Date }) => (p.end.getTime() - p.start.getTime()) / 3_600_000;
const everyDay = (start: string, end: string): WeeklyRule[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

describe("planWeeklyShifts", () => {
  it("makes one shift per matching rule and date, both ends of the range included, in order", () => {
    const rules = [
      { weekday: 1, start: "17:00", end: "21:00" },
      { weekday: 1, start: "08:00", end: "10:00" },
      { weekday: 3, start: "09:00", end: "18:00" },
    ];
    // 2026-03-02 is a Monday; Moscow has no DST.
    const planned = planWeeklyShifts(rules, { from: "2026-03-02", through: "2026-03-09", timeZone: "Europe/Moscow" });
    expect(planned.map(local("Europe/Moscow"))).toEqual([
      "2026-03-02T08:00:00+03:00/2026-03-02T10:00:00+03:00",
      "2026-03-02T17:00:00+03:00/2026-03-02T21:00:00+03:00",
      "2026-03-04T09:00:00+03:00/2026-03-04T18:00:00+03:00",
      "2026-03-09T08:00:00+03:00/2026-03-09T10:00:00+03:00",
      "2026-03-09T17:00:00+03:00/2026-03-09T21:00:00+03:00",
    ]);
    expect(planned.map((p) => p.date)).toEqual(["2026-03-02", "2026-03-02", "2026-03-04", "2026-03-09", "2026-03-09"]);
  });

  it("is empty without rules or when the range is empty", () => {
    expect(planWeeklyShifts([], { from: "2026-03-02", through: "2026-03-30", timeZone: "UTC" })).toEqual([]);
    const rules = everyDay("09:00", "17:00");
    expect(planWeeklyShifts(rules, { from: "2026-03-02", through: "2026-03-01", timeZone: "UTC" })).toEqual([]);
    expect(planWeeklyShifts(rules, { from: "2026-03-02", through: "2026-03-02", timeZone: "UTC" })).toHaveLength(1);
  });

  it.each([
    ["Europe/Berlin", "2026-03-29", "+01:00", "+02:00", 9],
    ["Europe/Berlin", "2026-10-25", "+02:00", "+01:00", 9],
    ["America/New_York", "2026-03-08", "-05:00", "-04:00", 9],
    ["America/New_York", "2026-11-01", "-04:00", "-05:00", 9],
  ])("keeps 09:00-18:00 at 09:00-18:00 local in %s around %s", (zone, day, before, after, length) => {
    const previous = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const planned = planWeeklyShifts(everyDay("09:00", "18:00"), { from: previous, through: day, timeZone: zone });
    expect(planned.map(local(zone))).toEqual([
      `${previous}T09:00:00${before}/${previous}T18:00:00${before}`,
      `${day}T09:00:00${after}/${day}T18:00:00${after}`,
    ]);
    expect(planned.map(hours)).toEqual([length, length]);
  });

  it.each([
    ["Europe/Berlin", "2026-03-29", "2026-03-29T03:30:00+02:00", "2026-03-29T01:30:00.000Z"],
    ["America/New_York", "2026-03-08", "2026-03-08T03:30:00-04:00", "2026-03-08T07:30:00.000Z"],
  ])("moves a 02:30 start in the %s spring-forward gap to 03:30", (zone, day, start, instant) => {
    const [shift] = planWeeklyShifts(everyDay("02:30", "06:00"), { from: day, through: day, timeZone: zone });
    expect(shift && formatInstant(shift.start, zone)).toBe(start);
    expect(shift?.start.toISOString()).toBe(instant);
    expect(shift && hours(shift)).toBe(2.5);
  });

  it.each([
    ["Europe/Berlin", "2026-10-25", "2026-10-25T00:30:00.000Z"],
    ["America/New_York", "2026-11-01", "2026-11-01T05:30:00.000Z"],
  ])("starts a repeated 01:30/02:30 wall time at the earlier instant in %s", (zone, day, instant) => {
    const time = zone === "Europe/Berlin" ? "02:30" : "01:30";
    const [shift] = planWeeklyShifts(everyDay(time, "05:00"), { from: day, through: day, timeZone: zone });
    expect(shift?.start.toISOString()).toBe(instant);
  });

  it("gives whole days their real length: 23 h in spring, 25 h in autumn", () => {
    const spring = planWeeklyShifts(everyDay("00:00", "24:00"), {
      from: "2026-03-29",
      through: "2026-03-29",
      timeZone: "Europe/Berlin",
    });
    const autumn = planWeeklyShifts(everyDay("00:00", "24:00"), {
      from: "2026-10-25",
      through: "2026-10-25",
      timeZone: "Europe/Berlin",
    });
    expect(spring.map(hours)).toEqual([23]);
    expect(autumn.map(hours)).toEqual([25]);
  });

  it("moves both ends of a rule in the gap forward; drops one that ends up empty", () => {
    const day = { from: "2026-03-29", through: "2026-03-29", timeZone: "Europe/Berlin" };
    const moved = planWeeklyShifts(everyDay("02:00", "02:30"), day);
    expect(moved.map(local("Europe/Berlin"))).toEqual(["2026-03-29T03:00:00+02:00/2026-03-29T03:30:00+02:00"]);
    // 02:30 moves to 03:30, past the 03:00 end: nothing of that rule exists that day.
    expect(planWeeklyShifts(everyDay("02:30", "03:00"), day)).toEqual([]);
  });
});

describe("horizonDate", () => {
  it("counts from today in the location's zone, not in UTC", () => {
    // 22:30 UTC on 2 March is already 3 March in Moscow.
    const now = new Date("2026-03-02T22:30:00Z");
    expect(horizonDate(now, "Europe/Moscow", 7)).toBe("2026-03-10");
    expect(horizonDate(now, "America/New_York", 7)).toBe("2026-03-09");
  });
});

describe("weekly rules", () => {
  it("finds overlapping rules of one weekday only; touching rules do not overlap", () => {
    const rules = [
      { weekday: 1, start: "08:00", end: "10:00" },
      { weekday: 1, start: "10:00", end: "12:00" },
      { weekday: 1, start: "11:00", end: "13:00" },
      { weekday: 2, start: "08:00", end: "24:00" },
      { weekday: 1, start: "17:00", end: "21:00" },
    ];
    expect(overlappingRules(rules)).toEqual([[1, 2]]);
    expect(overlappingRules([rules[0] as WeeklyRule, rules[0] as WeeklyRule])).toEqual([[0, 1]]);
  });

  it("compares and sorts rules by weekday and time", () => {
    const a = [
      { weekday: 3, start: "09:00", end: "12:00" },
      { weekday: 1, start: "17:00", end: "21:00" },
      { weekday: 1, start: "08:00", end: "10:00" },
    ];
    expect(sortRules(a).map((r) => `${r.weekday} ${r.start}`)).toEqual(["1 08:00", "1 17:00", "3 09:00"]);
    expect(sameRules(a, sortRules(a))).toBe(true);
    expect(sameRules(a, a.slice(1))).toBe(false);
    expect(sameRules(a, [...a.slice(1), { weekday: 1, start: "08:00", end: "10:30" }])).toBe(false);
  });
});
