import { describe, expect, it } from "vitest";
import type { Interval } from "@/lib/availability/intervals";
import { computeSlots, type ShiftInterval } from "@/lib/availability/slots";
import { zonedDateTimeToInstant } from "@/lib/time/zoned";
import { offersStart, onShiftGrid } from "./grid";

const MINUTE = 60_000;
// Times of 2026-03-02 in UTC as "HH:MM": the grid is counted in instants, never in a zone.
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const shift = (start: string, end: string, locationId = "cabinet-1"): ShiftInterval => ({
  start: at(start),
  end: at(end),
  locationId,
});

describe("onShiftGrid", () => {
  const day = [shift("09:00", "12:00")];

  it("takes the shift's start and every whole step after it", () => {
    for (const t of ["09:00", "09:20", "10:00", "11:40"]) expect(onShiftGrid(at(t), day, "cabinet-1", 20)).toBe(true);
  });

  it("refuses a minute off the grid, on either side of a step", () => {
    for (const t of ["09:01", "09:19", "10:07", "11:41"]) expect(onShiftGrid(at(t), day, "cabinet-1", 20)).toBe(false);
  });

  it("refuses starts outside the shift: before it, and at its end (half-open)", () => {
    expect(onShiftGrid(at("08:40"), day, "cabinet-1", 20)).toBe(false);
    expect(onShiftGrid(at("12:00"), day, "cabinet-1", 20)).toBe(false);
  });

  it("counts touching shifts at one place as one block, anchored at the first", () => {
    const shifts = [shift("09:00", "12:00"), shift("12:00", "15:00")];
    // Steps of 40 from 09:00: 11:40, 12:20, 13:00; the second shift's own start is not one.
    expect(onShiftGrid(at("12:20"), shifts, "cabinet-1", 40)).toBe(true);
    expect(onShiftGrid(at("12:00"), shifts, "cabinet-1", 40)).toBe(false);
  });

  it("anchors each place's shifts apart, and ignores the shifts of other places", () => {
    const shifts = [shift("09:00", "12:00"), shift("12:10", "15:00", "cabinet-2")];
    expect(onShiftGrid(at("12:10"), shifts, "cabinet-2", 30)).toBe(true);
    expect(onShiftGrid(at("12:30"), shifts, "cabinet-2", 30)).toBe(false);
    expect(onShiftGrid(at("12:40"), shifts, "cabinet-1", 30)).toBe(false);
    expect(onShiftGrid(at("10:00"), shifts, "cabinet-2", 30)).toBe(false);
  });

  it("anchors a shift that starts off the hour at its own start", () => {
    expect(onShiftGrid(at("09:05"), [shift("09:05", "12:00")], "cabinet-1", 15)).toBe(true);
    expect(onShiftGrid(at("09:15"), [shift("09:05", "12:00")], "cabinet-1", 15)).toBe(false);
  });
});

describe("offersStart", () => {
  it("matches a slot's start to the millisecond", () => {
    const slots: Interval[] = [{ start: at("10:45"), end: at("11:15") }];
    expect(offersStart(slots, at("10:45"))).toBe(true);
    expect(offersStart(slots, new Date(at("10:45").getTime() + 1))).toBe(false);
    expect(offersStart([], at("10:45"))).toBe(false);
  });
});

/** Every minute of `shift` that onShiftGrid takes is a start computeSlots offers, and back. */
function expectSameAsSlots(shiftInterval: ShiftInterval, stepMinutes: number) {
  const slots = computeSlots({
    shifts: [shiftInterval],
    timeOff: [],
    workerAppointments: [],
    locationAppointments: [],
    durationMinutes: stepMinutes,
    stepMinutes,
    now: new Date(0),
    horizonEnd: new Date(shiftInterval.end.getTime() + 86_400_000),
  });
  for (let t = shiftInterval.start.getTime(); t + stepMinutes * MINUTE <= shiftInterval.end.getTime(); t += MINUTE) {
    const start = new Date(t);
    expect(onShiftGrid(start, [shiftInterval], shiftInterval.locationId, stepMinutes), start.toISOString()).toBe(
      offersStart(slots, start),
    );
  }
}

describe("onShiftGrid across DST changes (any host time zone)", () => {
  const local = (date: string, time: string, zone: string) => zonedDateTimeToInstant(date, time, zone);
  const la = "America/Los_Angeles";

  it("steps in real minutes over a spring-forward night in Los Angeles", () => {
    const s = { start: local("2026-03-08", "01:00", la), end: local("2026-03-08", "05:00", la), locationId: "c" };
    // 01:00 PST, 01:45 PST, then 03:30 PDT (90 real minutes later), 04:15 PDT.
    for (const t of ["01:00", "01:45", "03:30", "04:15"])
      expect(onShiftGrid(local("2026-03-08", t, la), [s], "c", 45)).toBe(true);
    expect(onShiftGrid(local("2026-03-08", "03:00", la), [s], "c", 45)).toBe(false);
    expectSameAsSlots(s, 45);
  });

  it("takes both 01:00s of a fall-back night in Los Angeles", () => {
    const s = { start: local("2026-11-01", "00:00", la), end: local("2026-11-01", "04:00", la), locationId: "c" };
    const firstOne = local("2026-11-01", "01:00", la);
    const secondOne = new Date(firstOne.getTime() + 60 * MINUTE);
    expect(secondOne.toISOString()).toBe("2026-11-01T09:00:00.000Z");
    expect(onShiftGrid(firstOne, [s], "c", 60)).toBe(true);
    expect(onShiftGrid(secondOne, [s], "c", 60)).toBe(true);
    expect(onShiftGrid(new Date(firstOne.getTime() + 30 * MINUTE), [s], "c", 60)).toBe(false);
    expectSameAsSlots(s, 60);
  });

  it("follows Moscow's last DST changes (2010) as computeSlots does", () => {
    const msk = "Europe/Moscow";
    const spring = {
      start: local("2010-03-28", "00:00", msk),
      end: local("2010-03-28", "06:00", msk),
      locationId: "c",
    };
    // 00:00 MSK, 01:30 MSK, then 04:00 MSD: 180 real minutes after midnight.
    expect(onShiftGrid(local("2010-03-28", "04:00", msk), [spring], "c", 90)).toBe(true);
    expect(onShiftGrid(local("2010-03-28", "03:00", msk), [spring], "c", 90)).toBe(false);
    expectSameAsSlots(spring, 90);
    const autumn = {
      start: local("2010-10-31", "00:00", msk),
      end: local("2010-10-31", "06:00", msk),
      locationId: "c",
    };
    expectSameAsSlots(autumn, 25);
  });
});
