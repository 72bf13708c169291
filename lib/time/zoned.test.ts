// Run under two host timezones (TZ=UTC and TZ=America/Los_Angeles): every expectation is an absolute
// instant, so a result that leaks the host's zone fails in at least one of them.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import {
  addDaysToDate,
  formatInstant,
  isoWeekdayOf,
  isValidTimeZone,
  zonedDateOf,
  zonedDateTimeToInstant,
  zonedDayBounds,
  zonedTimeOf,
  zonedToday,
} from "./zoned";

const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();

describe("zonedDateTimeToInstant", () => {
  it("reads an ordinary wall time with the zone's offset", () => {
    expect(iso(zonedDateTimeToInstant("2026-03-02", "09:00", "Europe/Moscow"))).toBe("2026-03-02T06:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-07-01", "09:00", "Europe/Berlin"))).toBe("2026-07-01T07:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-01-15", "09:00", "America/New_York"))).toBe("2026-01-15T14:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-01-15", "09:30", "Asia/Kolkata"))).toBe("2026-01-15T04:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-01-15", "09:00:30", "UTC"))).toBe("2026-01-15T09:00:30.000Z");
  });

  it("treats 24:00 as the start of the next day, across a month end", () => {
    expect(iso(zonedDateTimeToInstant("2026-03-31", "24:00", "Europe/Berlin"))).toBe(
      iso(zonedDateTimeToInstant("2026-04-01", "00:00", "Europe/Berlin")),
    );
  });

  it.each([
    ["Europe/Berlin", "2026-03-29", "2026-03-29T01:30:00.000Z", "2026-03-29T03:30:00+02:00"],
    ["America/New_York", "2026-03-08", "2026-03-08T07:30:00.000Z", "2026-03-08T03:30:00-04:00"],
  ])("moves 02:30 in the %s spring-forward gap forward by the gap", (zone, day, instant, local) => {
    const at = zonedDateTimeToInstant(day, "02:30", zone);
    expect(iso(at)).toBe(instant);
    expect(formatInstant(at, zone)).toBe(local);
  });

  it.each([
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z", "2026-11-01T01:30:00-04:00"],
    ["Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T00:30:00.000Z", "2026-10-25T02:30:00+02:00"],
  ])("takes the first of the two %s fall-back instants", (zone, day, time, instant, local) => {
    const at = zonedDateTimeToInstant(day, time, zone);
    expect(iso(at)).toBe(instant);
    expect(formatInstant(at, zone)).toBe(local);
  });

  it("resolves the wall times right at each transition", () => {
    // 03:00 is the first existing time after the Berlin gap, and 02:00 still exists twice in October.
    expect(iso(zonedDateTimeToInstant("2026-03-29", "03:00", "Europe/Berlin"))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-03-29", "01:59", "Europe/Berlin"))).toBe("2026-03-29T00:59:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-10-25", "02:00", "Europe/Berlin"))).toBe("2026-10-25T00:00:00.000Z");
    expect(iso(zonedDateTimeToInstant("2026-10-25", "03:00", "Europe/Berlin"))).toBe("2026-10-25T02:00:00.000Z");
  });

  it("refuses malformed dates, times and zones", () => {
    expect(() => zonedDateTimeToInstant("2026-02-30", "09:00", "UTC")).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant("2026-3-1", "09:00", "UTC")).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant("2026-03-01", "24:30", "UTC")).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant("2026-03-01", "9:00", "UTC")).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant("2026-03-01", "09:00", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("a 09:00-18:00 rule on DST days stays 09:00-18:00 local", () => {
  it.each([
    ["Europe/Berlin", "2026-03-29", "+01:00", "+02:00", 23],
    ["Europe/Berlin", "2026-10-25", "+02:00", "+01:00", 25],
    ["America/New_York", "2026-03-08", "-05:00", "-04:00", 23],
    ["America/New_York", "2026-11-01", "-04:00", "-05:00", 25],
  ])("%s %s", (zone, day, midnightOffset, workOffset, hours) => {
    const start = zonedDateTimeToInstant(day, "09:00", zone);
    const end = zonedDateTimeToInstant(day, "18:00", zone);
    expect(formatInstant(start, zone)).toBe(`${day}T09:00:00${workOffset}`);
    expect(formatInstant(end, zone)).toBe(`${day}T18:00:00${workOffset}`);
    expect(end.getTime() - start.getTime()).toBe(9 * HOUR);

    const bounds = zonedDayBounds(day, zone);
    expect(formatInstant(bounds.start, zone)).toBe(`${day}T00:00:00${midnightOffset}`);
    expect(formatInstant(bounds.end, zone)).toBe(`${addDaysToDate(day, 1)}T00:00:00${workOffset}`);
    expect(bounds.end.getTime() - bounds.start.getTime()).toBe(hours * HOUR);
  });

  it("an ordinary day is 24 hours long", () => {
    const { start, end } = zonedDayBounds("2026-03-02", "Europe/Moscow");
    expect(iso(start)).toBe("2026-03-01T21:00:00.000Z");
    expect(end.getTime() - start.getTime()).toBe(24 * HOUR);
  });
});

describe("reading instants back", () => {
  it("gives the local date and time, which may differ from the UTC date", () => {
    const lateEvening = new Date("2026-03-01T22:30:00Z");
    expect(zonedDateOf(lateEvening, "Europe/Moscow")).toBe("2026-03-02");
    expect(zonedDateOf(lateEvening, "America/New_York")).toBe("2026-03-01");
    expect(zonedTimeOf(lateEvening, "Europe/Moscow")).toBe("01:30");
  });

  it("formats RFC 3339 with the offset in effect at that instant", () => {
    expect(formatInstant(new Date("2026-03-02T06:00:00Z"), "Europe/Moscow")).toBe("2026-03-02T09:00:00+03:00");
    expect(formatInstant(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30:00-05:00");
    expect(formatInstant(new Date("2026-03-02T06:00:00Z"), "UTC")).toBe("2026-03-02T06:00:00+00:00");
    expect(formatInstant(new Date("2026-01-15T04:00:00Z"), "Asia/Kolkata")).toBe("2026-01-15T09:30:00+05:30");
  });

  it("formats every quarter hour and its date around DST changes as date-fns does with TZDate", () => {
    // Transitions of 2026 in zones with whole-hour, half-hour and 45-minute offsets and DST steps.
    const around = [
      ["America/New_York", "2026-03-08T07:00:00Z"],
      ["America/New_York", "2026-11-01T06:00:00Z"],
      ["Europe/Berlin", "2026-03-29T01:00:00Z"],
      ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"],
      ["Asia/Kathmandu", "2026-06-01T00:00:00Z"],
      ["Pacific/Chatham", "2026-04-04T14:00:00Z"],
      ["UTC", "2026-01-01T00:00:00Z"],
    ] as const;
    for (const [zone, transition] of around) {
      const center = new Date(transition).getTime();
      for (let t = center - 3 * HOUR; t <= center + 3 * HOUR; t += HOUR / 4) {
        const expected = format(new TZDate(t, zone), "yyyy-MM-dd'T'HH:mm:ssxxx");
        // Twice: the second answer comes from the kept texts and must not differ.
        expect([formatInstant(new Date(t), zone), formatInstant(new Date(t), zone)]).toEqual([expected, expected]);
        expect(zonedDateOf(new Date(t), zone)).toBe(expected.slice(0, 10));
      }
    }
  });

  it("round-trips every half hour of a fall-back day to the first matching instant", () => {
    const zone = "America/New_York";
    const { start, end } = zonedDayBounds("2026-11-01", zone);
    for (let t = start.getTime(); t < end.getTime(); t += HOUR / 2) {
      const at = new Date(t);
      const back = zonedDateTimeToInstant(zonedDateOf(at, zone), zonedTimeOf(at, zone), zone);
      // Only the repeated hour (the second 01:00-01:59, 06:00Z-06:59Z) maps back an hour earlier.
      const repeated = t >= Date.parse("2026-11-01T06:00:00Z") && t < Date.parse("2026-11-01T07:00:00Z");
      expect(back.getTime()).toBe(repeated ? t - HOUR : t);
    }
  });
});

describe("today in a zone", () => {
  // Midnights and DST changes, including Santiago's, which happen at midnight: its clocks go back
  // from 24:00 to 23:00 (the Saturday shows 23:xx twice) and forward from 24:00 to 01:00.
  const around = [
    ["America/New_York", "2026-11-01T06:00:00Z"],
    ["Europe/Berlin", "2026-03-29T01:00:00Z"],
    ["America/Santiago", "2026-04-05T03:00:00Z"],
    ["America/Santiago", "2026-09-06T04:00:00Z"],
    ["Asia/Kathmandu", "2026-06-01T18:15:00Z"],
    ["UTC", "2026-01-01T00:00:00Z"],
  ] as const;
  const expected = (t: number, zone: string) => format(new TZDate(t, zone), "yyyy-MM-dd");

  it("is the date the wall clock shows, forwards through midnight and DST changes", () => {
    for (const [zone, transition] of around) {
      const center = new Date(transition).getTime();
      for (let t = center - 26 * HOUR; t <= center + 26 * HOUR; t += HOUR / 4) {
        expect(zonedToday(new Date(t), zone)).toBe(expected(t, zone));
      }
    }
  });

  it("is right for instants asked in any order, the remembered day never leaking into another", () => {
    const instants = around.flatMap(([zone, transition]) =>
      Array.from({ length: 200 }, (_, i) => [zone, new Date(transition).getTime() + (i - 100) * 17 * 60_000] as const),
    );
    // A fixed shuffle: each zone's instants jump back and forth over its midnights.
    const shuffled = instants
      .map((entry, i) => ({ entry, key: (i * 7919) % instants.length }))
      .sort((a, b) => a.key - b.key);
    for (const {
      entry: [zone, t],
    } of shuffled)
      expect(zonedToday(new Date(t), zone)).toBe(expected(t, zone));
  });

  it("refuses an unknown zone as zonedDateOf does", () => {
    expect(() => zonedToday(new Date(), "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("calendar dates", () => {
  it("gives ISO weekdays with Monday = 1 and Sunday = 7", () => {
    expect(isoWeekdayOf("2026-03-02")).toBe(1);
    expect(isoWeekdayOf("2026-03-29")).toBe(7);
    expect(isoWeekdayOf("2026-11-01")).toBe(7);
    expect(isoWeekdayOf("2028-02-29")).toBe(2);
  });

  it("adds days across month, year and DST boundaries", () => {
    expect(addDaysToDate("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDaysToDate("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDaysToDate("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysToDate("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDaysToDate("2026-10-20", 14)).toBe("2026-11-03");
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names and refuses offsets and junk", () => {
    for (const zone of ["Europe/Moscow", "America/Argentina/Buenos_Aires", "UTC", "Etc/GMT+3"]) {
      expect(isValidTimeZone(zone)).toBe(true);
    }
    for (const zone of ["", "+03:00", "Mars/Olympus", "Europe/Moscow ", "../etc/passwd"]) {
      expect(isValidTimeZone(zone)).toBe(false);
    }
  });
});
