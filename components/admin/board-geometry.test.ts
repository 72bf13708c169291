import { describe, expect, it } from "vitest";
import {
  boardWindow,
  freeStarts,
  gridStarts,
  lanes,
  localDay,
  minutesFrom,
  offHours,
  pixelsPerMinute,
  place,
  windowMinutes,
} from "./board-geometry";

const at = (iso: string) => new Date(iso).getTime();
const HOUR = 3_600_000;

describe("board geometry: the local day and the window", () => {
  it("a local day is 24, 23 or 25 hours long in its own zone, whatever the host's TZ", () => {
    const length = (date: string, zone: string) => {
      const d = localDay(date, zone);
      return (d.end - d.start) / HOUR;
    };
    expect(length("2026-03-02", "Europe/Moscow")).toBe(24);
    expect(length("2026-03-08", "America/Los_Angeles")).toBe(23);
    expect(length("2026-11-01", "America/Los_Angeles")).toBe(25);
    expect(length("2026-03-29", "Europe/Berlin")).toBe(23);
    expect(length("2026-10-25", "Europe/Berlin")).toBe(25);
    expect(localDay("2026-03-08", "America/Los_Angeles").start).toBe(at("2026-03-08T00:00:00-08:00"));
  });

  it("spans whole hours around the shifts and the appointments; 09:00-18:00 on an empty day", () => {
    const w = boardWindow("2026-03-02", "Europe/Moscow", [
      { start: "2026-03-02T09:30:00+03:00", end: "2026-03-02T12:00:00+03:00" },
      { start: "2026-03-02T18:40:00+03:00", end: "2026-03-02T19:00:00+03:00" },
    ]);
    expect(w.start).toBe(at("2026-03-02T09:00:00+03:00"));
    expect(w.end).toBe(at("2026-03-02T19:00:00+03:00"));
    expect(w.hours).toHaveLength(10);
    const empty = boardWindow("2026-03-02", "UTC", []);
    expect([empty.start, empty.end]).toEqual([at("2026-03-02T09:00:00Z"), at("2026-03-02T18:00:00Z")]);
  });

  it("never leaves the local day: a shift over midnight is cut at 24:00", () => {
    const w = boardWindow("2026-03-02", "UTC", [{ start: "2026-03-02T20:00:00Z", end: "2026-03-03T02:00:00Z" }]);
    expect(w.end).toBe(at("2026-03-03T00:00:00Z"));
    expect(place(w, { start: "2026-03-02T23:30:00Z", end: "2026-03-03T01:00:00Z" })).toEqual({
      top: 210,
      height: 30,
      clippedStart: false,
      clippedEnd: true,
    });
  });

  it("on the spring-forward day the axis runs in real minutes: 01:00 to 04:00 is two hours", () => {
    const w = boardWindow("2026-03-08", "America/Los_Angeles", [
      { start: "2026-03-08T00:00:00-08:00", end: "2026-03-08T06:00:00-07:00" },
    ]);
    expect(windowMinutes(w)).toBe(5 * 60);
    expect(w.hours).toHaveLength(5);
    expect(minutesFrom(w, "2026-03-08T01:00:00-08:00")).toBe(60);
    expect(minutesFrom(w, "2026-03-08T04:00:00-07:00")).toBe(180);
    // A 20-minute visit at 03:40 PDT sits 160 minutes down and is 20 tall.
    expect(place(w, { start: "2026-03-08T03:40:00-07:00", end: "2026-03-08T04:00:00-07:00" })).toMatchObject({
      top: 160,
      height: 20,
    });
  });

  it("on the fall-back day both 01:00 hours are drawn: 25 hour lines over the whole day", () => {
    const w = boardWindow("2026-11-01", "America/Los_Angeles", [
      { start: "2026-11-01T00:00:00-07:00", end: "2026-11-02T00:00:00-08:00" },
    ]);
    expect(w.hours).toHaveLength(25);
    expect(minutesFrom(w, "2026-11-01T01:30:00-07:00")).toBe(90);
    expect(minutesFrom(w, "2026-11-01T01:30:00-08:00")).toBe(150);
    expect(minutesFrom(w, "2026-11-01T10:40:00-08:00")).toBe(11 * 60 + 40);
  });
});

describe("board geometry: blocks at minute precision", () => {
  const w = boardWindow("2026-03-02", "Europe/Moscow", [
    { start: "2026-03-02T09:00:00+03:00", end: "2026-03-02T19:00:00+03:00" },
  ]);

  it("a 20-minute appointment at 18:40 starts at its minute and is 20 long, not on a half-hour row", () => {
    expect(place(w, { start: "2026-03-02T18:40:00+03:00", end: "2026-03-02T19:00:00+03:00" })).toEqual({
      top: 9 * 60 + 40,
      height: 20,
      clippedStart: false,
      clippedEnd: false,
    });
    expect(place(w, { start: "2026-03-02T10:40:00+03:00", end: "2026-03-02T11:00:00+03:00" })?.top).toBe(100);
  });

  it("a span outside the window has no place; one straddling its start is clipped", () => {
    expect(place(w, { start: "2026-03-02T07:00:00+03:00", end: "2026-03-02T09:00:00+03:00" })).toBeNull();
    expect(place(w, { start: "2026-03-02T08:30:00+03:00", end: "2026-03-02T09:15:00+03:00" })).toEqual({
      top: 0,
      height: 15,
      clippedStart: true,
      clippedEnd: false,
    });
  });

  it("scales so the shortest slot step stays a usable target", () => {
    expect(pixelsPerMinute([])).toBe(1.6);
    expect(pixelsPerMinute([20, 60])).toBe(1.6);
    expect(pixelsPerMinute([10])).toBeCloseTo(2.8);
    expect(pixelsPerMinute([5])).toBe(4);
  });
});

describe("board geometry: lanes, off-hours and free starts", () => {
  const t = (hhmm: string) => `2026-03-02T${hhmm}:00Z`;

  it("puts overlapping appointments side by side; touching ones share a lane", () => {
    expect(
      lanes([
        { start: t("10:00"), end: t("11:00") },
        { start: t("10:30"), end: t("11:30") },
        { start: t("11:00"), end: t("12:00") },
        { start: t("13:00"), end: t("13:20") },
      ]),
    ).toEqual([
      { lane: 0, lanes: 2 },
      { lane: 1, lanes: 2 },
      { lane: 0, lanes: 2 },
      { lane: 0, lanes: 1 },
    ]);
    expect(lanes([])).toEqual([]);
  });

  it("shades everything outside the shifts and the time off alike; a day off is shaded whole", () => {
    const w = { start: at(t("08:00")), end: at(t("18:00")) };
    expect(
      offHours(w, [{ start: t("09:00"), end: t("17:00") }], [{ start: t("13:00"), end: t("14:00") }]).map((s) => [
        new Date(s.start).toISOString().slice(11, 16),
        new Date(s.end).toISOString().slice(11, 16),
      ]),
    ).toEqual([
      ["08:00", "09:00"],
      ["13:00", "14:00"],
      ["17:00", "18:00"],
    ]);
    expect(offHours(w, [], [])).toEqual([w]);
  });

  it("offers the API's slot starts, drops those an appointment on the board now covers, never overlapping", () => {
    const slots = ["10:00", "10:20", "10:40", "11:00"].map((s) => ({
      start: t(s),
      end: new Date(at(t(s)) + 60 * 60_000).toISOString(),
    }));
    const free = freeStarts(slots, [{ start: t("10:40"), end: t("11:00") }]);
    expect(free.map((f) => [f.start, (f.end - f.start) / 60_000])).toEqual([[at(t("11:00")), 60]]);
    const open = freeStarts(slots, []);
    expect(open.map((f) => (f.end - f.start) / 60_000)).toEqual([20, 20, 20, 60]);
  });

  it("a worker with no service gets free starts on a grid from each shift's start, outside anything blocked", () => {
    const starts = gridStarts(
      [{ start: t("09:00"), end: t("11:00") }],
      [{ start: t("09:20"), end: t("09:40") }],
      30,
    ).map((s) => new Date(s.start).toISOString().slice(11, 16));
    expect(starts).toEqual(["10:00", "10:30"]);
  });
});
