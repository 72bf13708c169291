import { describe, expect, it } from "vitest";
import { unionOfStarts } from "./service-times-union";

const worker = (id: string) => ({ id, slug: id, name: id }) as never;

describe("unionOfStarts", () => {
  it("lists every start anyone offers once, by instant, earliest first", () => {
    const union = unionOfStarts([
      {
        worker: worker("a"),
        timezone: "Europe/Moscow",
        slots: [
          { start: "2026-03-02T10:00:00+03:00", end: "2026-03-02T10:30:00+03:00" },
          { start: "2026-03-02T11:00:00+03:00", end: "2026-03-02T11:30:00+03:00" },
        ],
      },
      {
        worker: worker("b"),
        timezone: "UTC",
        slots: [
          // The same instant as a's 10:00, written in another zone.
          { start: "2026-03-02T07:00:00Z", end: "2026-03-02T07:30:00Z" },
          { start: "2026-03-02T06:30:00Z", end: "2026-03-02T07:00:00Z" },
        ],
      },
      { worker: worker("c"), timezone: "UTC", slots: [] },
    ]);
    expect(union.map((s) => s.start)).toEqual([
      "2026-03-02T06:30:00Z",
      "2026-03-02T10:00:00+03:00",
      "2026-03-02T11:00:00+03:00",
    ]);
  });
});
