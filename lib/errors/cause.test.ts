import { describe, expect, it } from "vitest";
import { constraintName, findCause, sqlState } from "./cause";

/** An error wrapped `wraps` times, the way drizzle and Node keep the original on `cause`. */
function wrapped(original: object, wraps: number): unknown {
  let err: unknown = original;
  for (let i = 0; i < wraps; i++) err = new Error(`wrap ${i}`, { cause: err });
  return err;
}

describe("the cause chain", () => {
  it("finds the first matching link within the depth, and no deeper", () => {
    const reset = Object.assign(new Error("socket"), { code: "ECONNRESET" });
    expect(findCause(wrapped(reset, 3), (e) => e.code === "ECONNRESET")).toBe(reset);
    expect(findCause(wrapped(reset, 4), (e) => e.code === "ECONNRESET")).toBeUndefined();
    expect(findCause(wrapped(reset, 4), (e) => e.code === "ECONNRESET", 5)).toBe(reset);
    expect(findCause(undefined, () => true)).toBeUndefined();
  });

  it("reads the SQLSTATE and the constraint either driver names", () => {
    expect(sqlState(wrapped({ code: "23P01", constraint: "a" }, 1))).toBe("23P01");
    expect(sqlState(wrapped({ code: "ECONNRESET" }, 1))).toBeUndefined();
    expect(constraintName(wrapped({ constraint_name: "pg" }, 2))).toBe("pg");
    expect(constraintName(wrapped({ constraint: "lite" }, 2))).toBe("lite");
    const outer = Object.assign(new Error("outer", { cause: { constraint: "wanted" } }), { constraint: "other" });
    expect(constraintName(outer)).toBe("other");
    expect(constraintName(outer, (name) => name === "wanted")).toBe("wanted");
  });
});
