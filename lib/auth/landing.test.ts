import { describe, expect, it } from "vitest";
import { landingPathFor } from "./landing";

describe("landingPathFor", () => {
  it("sends staff to their desk and clients home", () => {
    expect(landingPathFor("manager")).toBe("/manage");
    expect(landingPathFor("admin")).toBe("/admin");
    expect(landingPathFor("worker")).toBe("/me/day");
    expect(landingPathFor("client")).toBe("/");
  });
});
