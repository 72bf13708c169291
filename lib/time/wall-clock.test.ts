import { describe, expect, it } from "vitest";
import { formIssues } from "@/components/lib/form-errors";
import { weeklyRuleSchema } from "@/lib/validation/schedules";
import { wallTimeIssues } from "./wall-clock";

describe("wallTimeIssues", () => {
  // The room form checks wall times in the browser without zod: it must refuse exactly what the
  // weekly schedule's rule (which the server applies) refuses, field by field.
  const cases: [string, string][] = [
    ["10:00", "11:00"],
    ["11:00", "10:00"],
    ["10:00", "10:00"],
    ["23:30", "24:00"],
    ["00:00", "00:01"],
    ["24:00", "24:00"],
    ["9:00", "10:00"],
    ["10:00", "25:00"],
    ["", ""],
    ["10:60", "11:00"],
    ["aa", "11:00"],
  ];
  it.each(cases)("%s–%s is judged as the weekly rule judges it", (start, end) => {
    const schema = Object.keys(formIssues(weeklyRuleSchema, { weekday: 1, start, end })).sort();
    expect(Object.keys(wallTimeIssues(start, end)).sort()).toEqual(schema);
  });
});
