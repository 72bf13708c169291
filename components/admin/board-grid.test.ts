import { describe, expect, it } from "vitest";
import { boardRows, isFree, rowSpan } from "./board-grid";

const at = (iso: string) => new Date(iso).getTime();

describe("day board rows", () => {
  it("spans whole hours around the shifts in the location's zone", () => {
    const rows = boardRows("2026-03-02", "Europe/Moscow", [
      { start: "2026-03-02T09:30:00+03:00", end: "2026-03-02T12:00:00+03:00" },
      { start: "2026-03-02T17:00:00+03:00", end: "2026-03-02T18:15:00+03:00" },
    ]);
    expect(rows[0]).toBe(at("2026-03-02T09:00:00+03:00"));
    expect(rows.at(-1)).toBe(at("2026-03-02T18:30:00+03:00"));
    expect(rows).toHaveLength(20);
  });

  it("keeps wall-clock hours across a DST change", () => {
    const rows = boardRows("2026-03-29", "Europe/Berlin", []);
    expect(rows[0]).toBe(at("2026-03-29T09:00:00+02:00"));
    expect(rows).toHaveLength(18);
  });

  it("calls a row free only inside a shift and away from anything booked; touching ends are free", () => {
    const day = {
      shifts: [{ start: "2026-03-02T09:00:00Z", end: "2026-03-02T12:00:00Z" }],
      blocked: [{ start: "2026-03-02T10:00:00Z", end: "2026-03-02T10:45:00Z" }],
    };
    expect(isFree(at("2026-03-02T09:30:00Z"), day)).toBe(true);
    expect(isFree(at("2026-03-02T10:30:00Z"), day)).toBe(false);
    expect(isFree(at("2026-03-02T10:45:00Z"), day)).toBe(true);
    expect(isFree(at("2026-03-02T11:30:00Z"), day)).toBe(true);
    expect(isFree(at("2026-03-02T12:00:00Z"), day)).toBe(false);
  });

  it("places an appointment over the rows it covers", () => {
    const rows = boardRows("2026-03-02", "UTC", [{ start: "2026-03-02T09:00:00Z", end: "2026-03-02T12:00:00Z" }]);
    expect(rowSpan(rows, { start: "2026-03-02T10:00:00Z", end: "2026-03-02T11:00:00Z" })).toEqual({ row: 2, span: 2 });
    expect(rowSpan(rows, { start: "2026-03-02T10:15:00Z", end: "2026-03-02T10:45:00Z" })).toEqual({ row: 2, span: 2 });
    expect(rowSpan(rows, { start: "2026-03-02T07:00:00Z", end: "2026-03-02T08:00:00Z" })).toBeNull();
  });
});
