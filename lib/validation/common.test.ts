import { describe, expect, it } from "vitest";
import {
  CONTROL_MESSAGE,
  emailSchema,
  instantSchema,
  isoDateSchema,
  lineSchema,
  nameSchema,
  phoneSchema,
  refSchema,
  searchSchema,
  slugSchema,
  TEXT_CONTROL_MESSAGE,
  textSchema,
} from "./common";

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

// C0 controls (NUL, TAB, LF, CR, ESC), DEL and C1 controls (NEL, CSI): one of each kind.
const CONTROLS = ["\u0000", "\t", "\n", "\r", "\r\n", "\u001b", "\u007f", "\u0085", "\u009b"];

describe("control characters", () => {
  it("are refused anywhere in one-line text, even where a trim would have cut them", () => {
    for (const control of CONTROLS) {
      for (const text of [`Anna${control}Smirnova`, `Anna${control}`, `${control}Anna`]) {
        expect(messages(lineSchema().safeParse(text)), JSON.stringify(text)).toEqual([CONTROL_MESSAGE]);
      }
    }
    expect(lineSchema().safeParse("Анна Смирнова\u00a0— №1 😀").success).toBe(true);
  });

  it("are refused by every shared one-line field, with the clear message first", () => {
    const fields = { nameSchema, emailSchema, phoneSchema, slugSchema, refSchema, searchSchema };
    for (const [field, schema] of Object.entries(fields)) {
      for (const text of ["anna\r\nX-Forged: 1", "anna\t", "anna\u0000", "anna\u0085"]) {
        expect(messages(schema.safeParse(text))?.[0], `${field} ${JSON.stringify(text)}`).toBe(CONTROL_MESSAGE);
      }
    }
  });

  it("in free text, allow line breaks (LF, CR LF) and tabs and nothing else", () => {
    expect(textSchema().safeParse("Line one\nLine two\r\n\tindented").success).toBe(true);
    for (const control of ["\u0000", "\r", "\u0007", "\u001b", "\u007f", "\u0085", "\u009b"]) {
      expect(messages(textSchema().safeParse(`a${control}b`)), JSON.stringify(control)).toEqual([TEXT_CONTROL_MESSAGE]);
    }
  });
});
