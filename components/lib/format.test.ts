import { describe, expect, it } from "vitest";
import { formatDay, formatInZone, formatPrice, formatShortDay, formatTime } from "./format";

describe("UI formatting", () => {
  it("shows wall time in the location's zone whatever the host zone", () => {
    expect(formatTime("2026-03-29T07:00:00Z", "Europe/Berlin", "en")).toBe("09:00");
    expect(formatTime("2026-03-28T08:00:00Z", "Europe/Berlin", "ru")).toBe("09:00");
    expect(formatTime("2026-11-01T14:00:00Z", "America/New_York", "en")).toBe("09:00");
  });

  it("names days in the UI language", () => {
    expect(formatDay("2026-12-01", "en")).toBe("Tuesday, 1 December");
    expect(formatDay("2026-12-01", "ru")).toBe("вторник, 1 декабря");
  });

  it("writes Russian short weekdays as 'пн, вт, ср', not date-fns's 'пнд, втр, срд'", () => {
    expect(formatShortDay("2026-12-01", "ru")).toBe("вт 1 дек.");
    expect(formatShortDay("2026-12-02", "en")).toBe("Wed 2 Dec");
    expect(formatInZone("2026-12-06T21:30:00Z", "Europe/Moscow", "EEE d MMM, HH:mm", "ru")).toBe("пн 7 дек., 00:30");
    expect(formatInZone("2026-12-06T21:30:00Z", "Europe/Moscow", "EEEE", "ru")).toBe("понедельник");
  });

  it("formats prices for the locale", () => {
    expect(formatPrice(1500, "RUB", "ru")).toMatch(/^1\s500\s₽$/);
    expect(formatPrice(1500.5, "EUR", "en")).toBe("€1,500.50");
  });
});
