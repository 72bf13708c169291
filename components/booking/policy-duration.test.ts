import { describe, expect, it } from "vitest";
import { durationParts, durationText } from "./policy-duration";

describe("a policy's minutes in words", () => {
  it("uses the largest whole units", () => {
    expect(durationParts(1440)).toEqual([{ unit: "days", count: 1 }]);
    expect(durationParts(120)).toEqual([{ unit: "hours", count: 2 }]);
    expect(durationParts(90)).toEqual([
      { unit: "hours", count: 1 },
      { unit: "minutes", count: 30 },
    ]);
    expect(durationParts(1500)).toEqual([
      { unit: "days", count: 1 },
      { unit: "hours", count: 1 },
    ]);
    expect(durationParts(0)).toEqual([]);
  });

  it("joins the words of each unit", () => {
    expect(durationText(1530, (unit, { count }) => `${count} ${unit}`)).toBe("1 days 1 hours 30 minutes");
  });
});
