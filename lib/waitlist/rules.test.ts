// The pure parts of the waitlist: which change frees an interval, and a day's window as instants.
import { describe, expect, it } from "vitest";
import { waitlistWindow } from "./entries";
import { freedInterval } from "./free-up";

const t = (iso: string) => new Date(iso);
const booked = {
  status: "booked",
  startAt: t("2026-03-02T09:00:00Z"),
  endAt: t("2026-03-02T10:00:00Z"),
  workerId: "w1",
};
const now = t("2026-03-01T12:00:00Z");

describe("freedInterval", () => {
  it("frees the old interval on a cancel, a move in time, or a move to another worker", () => {
    const freed = { workerId: "w1", start: booked.startAt, end: booked.endAt };
    expect(freedInterval(booked, { ...booked, status: "cancelled" }, now)).toEqual(freed);
    expect(freedInterval(booked, { ...booked, startAt: t("2026-03-02T11:00:00Z") }, now)).toEqual(freed);
    expect(freedInterval(booked, { ...booked, endAt: t("2026-03-02T09:30:00Z") }, now)).toEqual(freed);
    expect(freedInterval(booked, { ...booked, workerId: "w2" }, now)).toEqual(freed);
  });

  it("frees nothing when the interval stays, was not booked, has no worker or is over", () => {
    expect(freedInterval(booked, { ...booked }, now)).toBeNull();
    expect(freedInterval({ ...booked, status: "cancelled" }, { ...booked, status: "cancelled" }, now)).toBeNull();
    expect(freedInterval({ ...booked, workerId: null }, { ...booked, status: "cancelled" }, now)).toBeNull();
    // Ends exactly now: nothing left to offer.
    expect(freedInterval(booked, { ...booked, status: "cancelled" }, booked.endAt)).toBeNull();
  });
});

describe("waitlistWindow", () => {
  it("is the local day without from/to, and 24:00 is the day's end", () => {
    expect(waitlistWindow("2026-03-02", undefined, undefined, "Europe/Moscow")).toEqual({
      start: t("2026-03-01T21:00:00Z"),
      end: t("2026-03-02T21:00:00Z"),
    });
    expect(waitlistWindow("2026-03-02", "10:00", "24:00", "Europe/Moscow")).toEqual({
      start: t("2026-03-02T07:00:00Z"),
      end: t("2026-03-02T21:00:00Z"),
    });
  });

  it("reads wall times across a DST change in the zone of the day", () => {
    // 8 March 2026: New York springs forward at 02:00 (EST, -05:00, to EDT, -04:00); the day has 23 hours.
    const day = waitlistWindow("2026-03-08", undefined, undefined, "America/New_York");
    expect(day.end.getTime() - day.start.getTime()).toBe(23 * 3_600_000);
    expect(waitlistWindow("2026-03-08", "01:00", "03:00", "America/New_York")).toEqual({
      start: t("2026-03-08T06:00:00Z"),
      end: t("2026-03-08T07:00:00Z"),
    });
  });
});
