import { describe, expect, it } from "vitest";
import { instantSchema, isoDateSchema } from "./common";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message);

describe("dates and instants", () => {
  it("refuses years PostgreSQL cannot store, with one message per mistake", () => {
    expect(messages(isoDateSchema.safeParse("0000-01-01"))).toEqual(["Use a year from 1000 to 9998."]);
    expect(messages(isoDateSchema.safeParse("03.03.2026"))).toEqual(["Use a calendar date as YYYY-MM-DD."]);
    expect(isoDateSchema.safeParse("1000-01-01").success).toBe(true);
    expect(isoDateSchema.safeParse("9998-12-31").success).toBe(true);
    expect(messages(isoDateSchema.safeParse("9999-12-31"))).toEqual(["Use a year from 1000 to 9998."]);
    expect(messages(instantSchema.safeParse("9999-01-01T00:00:00Z"))).toEqual(["Use a year from 1000 to 9998."]);
    expect(messages(instantSchema.safeParse("0000-01-01T00:00:00Z"))).toEqual(["Use a year from 1000 to 9998."]);
    expect(messages(instantSchema.safeParse("yesterday"))).toHaveLength(1);
    expect(instantSchema.safeParse("2026-03-02T09:00:00+03:00").success).toBe(true);
  });
});
