import { describe, expect, it } from "vitest";
import { addMonths, isMonth, monthDays, monthWeeks } from "./month-calendar-grid";

describe("month calendar grid", () => {
  it("reads and moves months across year ends", () => {
    expect(isMonth("2026-12")).toBe(true);
    for (const bad of ["2026-13", "2026-00", "2026-1", "26-01", "0999-12", "9999-01", "", undefined, "2026-01-01"]) {
      expect(isMonth(bad), String(bad)).toBe(false);
    }
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-03", 13)).toBe("2027-04");
  });

  it("knows each month's last day, leap years too", () => {
    expect(monthDays("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(monthDays("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthDays("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("lays a month out in weeks from Monday", () => {
    // 1 December 2026 is a Tuesday; 31 December a Thursday.
    const weeks = monthWeeks("2026-12");
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([
      null,
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    expect(weeks[4]).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", null, null, null]);
    // February 2027 starts on a Monday and fills four weeks exactly.
    expect(monthWeeks("2027-02")).toHaveLength(4);
    expect(monthWeeks("2027-02")[0]?.[0]).toBe("2027-02-01");
    // March 2026 starts on a Sunday: six rows.
    expect(monthWeeks("2026-03")).toHaveLength(6);
  });
});
