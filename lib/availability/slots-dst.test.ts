// Slots on DST change days. Run under TZ=UTC and TZ=America/Los_Angeles: every expectation is an
// absolute instant or a string formatted in the location's zone, so a leak of the host's zone fails.
import { describe, expect, it } from "vitest";
import { addDaysToDate, zonedDateTimeToInstant, zonedDayBounds, zonedTimeOf } from "@/lib/time/zoned";
import { bookingHorizonEnd, intervalJson, localDaysInterval } from "./calendar";
import { computeSlots } from "./slots";

const HOUR = 3_600_000;

const cases = [
  { zone: "Europe/Berlin", date: "2026-03-29", hours: 23, before: "+01:00", after: "+02:00" },
  { zone: "Europe/Berlin", date: "2026-10-25", hours: 25, before: "+02:00", after: "+01:00" },
  { zone: "America/New_York", date: "2026-03-08", hours: 23, before: "-05:00", after: "-04:00" },
  { zone: "America/New_York", date: "2026-11-01", hours: 25, before: "-04:00", after: "-05:00" },
] as const;

function daySlots(zone: string, date: string, from: string, to: string, durationMinutes: number) {
  const shift = {
    start: zonedDateTimeToInstant(date, from, zone),
    end: zonedDateTimeToInstant(date, to, zone),
    locationId: "loc",
  };
  return computeSlots({
    shifts: [shift],
    timeOff: [],
    workerAppointments: [],
    locationAppointments: [],
    durationMinutes,
    now: new Date(Date.parse(`${date}T00:00:00Z`) - 2 * 24 * HOUR),
    horizonEnd: zonedDayBounds(date, zone).end,
    window: localDaysInterval(date, date, zone),
  }).map((slot) => intervalJson(slot, zone));
}

describe.each(cases)("slots on $date in $zone", ({ zone, date, hours, before, after }) => {
  it(`has a day of ${hours} hours`, () => {
    const { start, end } = zonedDayBounds(date, zone);
    expect(end.getTime() - start.getTime()).toBe(hours * HOUR);
    expect(intervalJson({ start, end }, zone)).toEqual({
      start: `${date}T00:00:00${before}`,
      end: `${addDaysToDate(date, 1)}T00:00:00${after}`,
    });
  });

  it("gives a 09:00-18:00 shift 60-minute slots from 09:00 to 18:00 local, with the day's later offset", () => {
    const slots = daySlots(zone, date, "09:00", "18:00", 60);
    expect(slots).toHaveLength(9);
    expect(slots[0]).toEqual({ start: `${date}T09:00:00${after}`, end: `${date}T10:00:00${after}` });
    expect(slots.at(-1)).toEqual({ start: `${date}T17:00:00${after}`, end: `${date}T18:00:00${after}` });
  });

  it(`gives a 00:00-06:00 night shift ${hours - 18} slots of 60 minutes, one real hour each`, () => {
    const slots = daySlots(zone, date, "00:00", "06:00", 60);
    expect(slots).toHaveLength(hours - 18);
    expect(slots[0]?.start).toBe(`${date}T00:00:00${before}`);
    expect(slots.at(-1)?.end).toBe(`${date}T06:00:00${after}`);
    for (const slot of slots) expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(HOUR);
  });

  it(`fits ${2 * hours} half-hour slots into a shift of the whole day`, () => {
    expect(daySlots(zone, date, "00:00", "24:00", 30)).toHaveLength(2 * hours);
  });
});

describe("the transition hours themselves", () => {
  it("skips the missing hour at spring-forward (Berlin: 01:00 is followed by 03:00)", () => {
    const local = daySlots("Europe/Berlin", "2026-03-29", "00:00", "06:00", 60).map((s) => s.start.slice(11));
    expect(local).toEqual(["00:00:00+01:00", "01:00:00+01:00", "03:00:00+02:00", "04:00:00+02:00", "05:00:00+02:00"]);
  });

  it("offers the repeated hour twice at fall-back (New York: 01:00 EDT, then 01:00 EST)", () => {
    const local = daySlots("America/New_York", "2026-11-01", "00:00", "06:00", 60).map((s) => s.start.slice(11));
    expect(local).toEqual([
      "00:00:00-04:00",
      "01:00:00-04:00",
      "01:00:00-05:00",
      "02:00:00-05:00",
      "03:00:00-05:00",
      "04:00:00-05:00",
      "05:00:00-05:00",
    ]);
  });
});

describe("bookingHorizonEnd", () => {
  it("ends at local midnight after the last bookable day", () => {
    // 23:30 in Moscow on March 2nd: the 7th day after is March 9th, so the horizon ends as March 10th begins.
    expect(bookingHorizonEnd(new Date("2026-03-02T20:30:00Z"), 7, "Europe/Moscow").toISOString()).toBe(
      "2026-03-09T21:00:00.000Z",
    );
    // Half an hour later it is March 3rd in Moscow, and the horizon moves a day.
    expect(bookingHorizonEnd(new Date("2026-03-02T21:30:00Z"), 7, "Europe/Moscow").toISOString()).toBe(
      "2026-03-10T21:00:00.000Z",
    );
  });

  it("ends at local midnight across a DST change", () => {
    const end = bookingHorizonEnd(new Date("2026-03-22T10:00:00Z"), 7, "Europe/Berlin");
    expect(intervalJson({ start: end, end }, "Europe/Berlin").start).toBe("2026-03-30T00:00:00+02:00");
    expect(zonedTimeOf(end, "Europe/Berlin")).toBe("00:00");
  });
});
