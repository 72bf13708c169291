import { describe, expect, it } from "vitest";
import { registerSchema } from "@/lib/validation/auth";
import { ApiError } from "./api-client";
import { apiIssues, formIssues, optionalText } from "./form-issues";

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
