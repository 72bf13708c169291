import { describe, expect, it } from "vitest";
import { registerSchema } from "@/lib/validation/auth";
import { locationCreateSchema } from "@/lib/validation/catalog";
import { weeklyScheduleBodySchema } from "@/lib/validation/schedules";
import { ApiError } from "./api-client";
import { apiFieldErrors, apiIssues, formIssues, numberOrUndefined, optionalText, validateWith } from "./form-errors";

describe("form validation with the API's schemas", () => {
  it("keys errors by the same dotted path the API answers with", () => {
    const result = validateWith(weeklyScheduleBodySchema, {
      locationId: "main",
      from: "2026-03-02",
      rules: [{ weekday: 1, start: "10:00", end: "09:00" }],
    });
    expect(result).toEqual({ ok: false, errors: { "rules.0.end": "The end must be after the start." } });
  });

  it("answers ok when the form is valid", () => {
    const result = validateWith(locationCreateSchema, { name: " Clinic ", timezone: "Europe/Moscow" });
    expect(result).toEqual({ ok: true });
  });

  it("takes field errors from a validation_failed answer and the field of a taken value", () => {
    const refused = new ApiError(400, "validation_failed", "The request is not valid.", {
      issues: [{ path: "timezone", message: "Use an IANA time zone such as Europe/Moscow." }],
    });
    expect(apiFieldErrors(refused)).toEqual({ timezone: "Use an IANA time zone such as Europe/Moscow." });
    expect(
      apiFieldErrors(new ApiError(409, "already_exists", "That slug is already taken.", { field: "slug" })),
    ).toEqual({ slug: "That slug is already taken." });
    expect(apiFieldErrors(new ApiError(409, "slot_taken", "taken"))).toEqual({});
  });

  it("reads number fields with a comma or a point, and blank as not given", () => {
    expect(numberOrUndefined("1500,50")).toBe(1500.5);
    expect(numberOrUndefined("  ")).toBeUndefined();
    expect(numberOrUndefined("abc")).toBeNaN();
  });
});

describe("form issues from the API's schemas", () => {
  it("names each failing field once, by the path the API uses", () => {
    expect(formIssues(registerSchema, { email: "nope", password: "short", name: " " })).toEqual({
      email: "Enter a valid email address.",
      password: "Use at least 8 characters.",
      name: "Enter a name.",
    });
  });

  it("finds nothing wrong with valid values", () => {
    expect(formIssues(registerSchema, { email: "a@b.test", password: "long enough", name: "Ann" })).toEqual({});
  });

  it("takes field issues from a validation_failed answer only", () => {
    const refused = new ApiError(400, "validation_failed", "bad", { issues: [{ path: "phone", message: "Bad." }] });
    expect(apiIssues(refused)).toEqual({ phone: "Bad." });
    expect(apiIssues(new ApiError(409, "already_exists", "taken"))).toEqual({});
    expect(apiIssues(new Error("boom"))).toEqual({});
  });

  it("treats a blank optional field as not given", () => {
    expect(optionalText("  ")).toBeUndefined();
    expect(optionalText(null)).toBeUndefined();
    expect(optionalText(" +7 999 ")).toBe("+7 999");
  });
});
