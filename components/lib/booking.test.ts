import { describe, expect, it } from "vitest";
import {
  bookableDays,
  idempotencyKeys,
  isCancellable,
  newIdempotencyKey,
  roomInterval,
  splitAppointments,
} from "./booking";

describe("bookableDays", () => {
  it("runs from today through the horizon's last day, across a month end", () => {
    expect(bookableDays("2026-11-29", 3)).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
  });

  it("stops at the longest range the slots endpoint answers", () => {
    const days = bookableDays("2026-01-01", 366);
    expect(days).toHaveLength(62);
    expect(days.at(-1)).toBe("2026-03-03");
  });
});

describe("splitAppointments", () => {
  const now = new Date("2026-03-02T12:00:00Z");
  const a = (id: string, status: string, start: string, end: string) => ({ id, status, start, end });
  const items = [
    a("past", "booked", "2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z"),
    a("later", "booked", "2026-03-05T09:00:00+03:00", "2026-03-05T10:00:00+03:00"),
    a("running", "booked", "2026-03-02T11:30:00Z", "2026-03-02T12:30:00Z"),
    a("cancelled-ahead", "cancelled", "2026-03-04T09:00:00Z", "2026-03-04T10:00:00Z"),
    a("older", "completed", "2026-02-01T09:00:00Z", "2026-02-01T10:00:00Z"),
    a("cancelled-before", "cancelled", "2026-02-20T09:00:00Z", "2026-02-20T10:00:00Z"),
    a("cancelled-sooner", "cancelled", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z"),
  ];

  it("lists booked appointments that have not ended as upcoming, soonest first", () => {
    expect(splitAppointments(items, now).upcoming.map((x) => x.id)).toEqual(["running", "later"]);
  });

  it("lists cancelled appointments whose time is still ahead apart, soonest first, never as past", () => {
    expect(splitAppointments(items, now).cancelled.map((x) => x.id)).toEqual(["cancelled-sooner", "cancelled-ahead"]);
  });

  it("lists the rest as past, latest first, a cancelled one whose time has gone among them", () => {
    expect(splitAppointments(items, now).past.map((x) => x.id)).toEqual(["past", "cancelled-before", "older"]);
  });

  it("lets a client cancel only a booked appointment that has not started", () => {
    expect(isCancellable(items[1] as (typeof items)[number], now)).toBe(true);
    expect(isCancellable(items[2] as (typeof items)[number], now)).toBe(false);
    expect(isCancellable(items[3] as (typeof items)[number], now)).toBe(false);
  });
});

describe("roomInterval", () => {
  it("reads wall times in the room's zone, with the offset of each instant", () => {
    expect(roomInterval("2026-03-29", "01:00", "04:00", "Europe/Berlin")).toEqual({
      start: "2026-03-29T01:00:00+01:00",
      end: "2026-03-29T04:00:00+02:00",
    });
  });

  it("takes 24:00 as the next midnight", () => {
    expect(roomInterval("2026-03-02", "22:00", "24:00", "Europe/Moscow").end).toBe("2026-03-03T00:00:00+03:00");
  });
});

describe("newIdempotencyKey", () => {
  it("makes a different printable key each time", () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});

describe("idempotencyKeys", () => {
  it("reuses the key for a retry of the same body and makes a new one when the body changes", () => {
    const keys = idempotencyKeys();
    const first = keys.keyFor({ start: "2026-03-02T09:00:00+03:00" });
    expect(keys.keyFor({ start: "2026-03-02T09:00:00+03:00" })).toBe(first);
    const changed = keys.keyFor({ start: "2026-03-02T09:00:00+03:00", notes: "window seat" });
    expect(changed).not.toBe(first);
    keys.forget();
    expect(keys.keyFor({ start: "2026-03-02T09:00:00+03:00", notes: "window seat" })).not.toBe(changed);
  });
});
