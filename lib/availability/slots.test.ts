import { describe, expect, it } from "vitest";
import type { Interval } from "./intervals";
import { computeSlots, type SlotRequest } from "./slots";

// Times of 2026-03-02 in UTC as "HH:MM" (a "+1" suffix means the next day). The pure function never
// reads a timezone, so these tests hold under any host TZ.
const at = (hhmm: string) => {
  const [time, plus] = hhmm.split("+");
  return new Date(Date.parse(`2026-03-02T${time}:00Z`) + Number(plus ?? 0) * 86_400_000);
};
const iv = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const shift = (start: string, end: string, locationId = "room-1") => ({ ...iv(start, end), locationId });
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

function slots(over: Partial<SlotRequest>): string[] {
  const request: SlotRequest = {
    shifts: [shift("09:00", "12:00")],
    timeOff: [],
    workerAppointments: [],
    locationAppointments: [],
    durationMinutes: 30,
    now: at("00:00"),
    horizonEnd: at("00:00+7"),
    ...over,
  };
  return computeSlots(request).map((s) => `${hhmm(s.start)}-${hhmm(s.end)}`);
}
const starts = (over: Partial<SlotRequest>) => slots(over).map((s) => s.slice(0, 5));

describe("computeSlots: shifts and steps", () => {
  it("fills a shift from its start, the last slot ending exactly at the shift end", () => {
    expect(slots({})).toEqual([
      "09:00-09:30",
      "09:30-10:00",
      "10:00-10:30",
      "10:30-11:00",
      "11:00-11:30",
      "11:30-12:00",
    ]);
  });

  it("leaves out a tail shorter than the duration", () => {
    expect(starts({ shifts: [shift("09:00", "10:45")] })).toEqual(["09:00", "09:30", "10:00"]);
  });

  it("steps by the duration when the worker has no step", () => {
    expect(starts({ durationMinutes: 60, stepMinutes: null })).toEqual(["09:00", "10:00", "11:00"]);
  });

  it("offers overlapping slots when the step is smaller than the duration", () => {
    expect(slots({ shifts: [shift("09:00", "11:00")], durationMinutes: 60, stepMinutes: 15 })).toEqual([
      "09:00-10:00",
      "09:15-10:15",
      "09:30-10:30",
      "09:45-10:45",
      "10:00-11:00",
    ]);
  });

  it("leaves gaps when the step is larger than the duration", () => {
    expect(slots({ durationMinutes: 30, stepMinutes: 60 })).toEqual(["09:00-09:30", "10:00-10:30", "11:00-11:30"]);
  });

  it("anchors each of several shifts a day at its own start (08:00-10:00 and 17:15-19:15)", () => {
    const shifts = [shift("17:15", "19:15"), shift("08:00", "10:00")];
    expect(starts({ shifts, durationMinutes: 60 })).toEqual(["08:00", "09:00", "17:15", "18:15"]);
  });

  it("serves the 08:00-10:00 and 17:00-21:00 day with 60-minute slots", () => {
    const shifts = [shift("08:00", "10:00"), shift("17:00", "21:00")];
    expect(starts({ shifts, durationMinutes: 60 })).toEqual(["08:00", "09:00", "17:00", "18:00", "19:00", "20:00"]);
  });

  it("joins touching or overlapping shifts at one location, never shifts at two", () => {
    const oneLocation = [shift("09:00", "10:15"), shift("10:15", "11:00")];
    expect(starts({ shifts: oneLocation, durationMinutes: 45 })).toEqual(["09:00", "09:45"]);
    const twoLocations = [shift("09:00", "10:15", "a"), shift("10:15", "11:00", "b")];
    expect(starts({ shifts: twoLocations, durationMinutes: 45 })).toEqual(["09:00", "10:15"]);
    const duplicated = [shift("09:00", "10:00"), shift("09:00", "10:00"), shift("09:30", "10:00")];
    expect(starts({ shifts: duplicated })).toEqual(["09:00", "09:30"]);
  });

  it("gives nothing for no shifts, zero-length, inverted or too short shifts", () => {
    expect(slots({ shifts: [] })).toEqual([]);
    expect(slots({ shifts: [shift("09:00", "09:00")] })).toEqual([]);
    expect(slots({ shifts: [shift("12:00", "09:00")] })).toEqual([]);
    expect(slots({ shifts: [shift("09:00", "09:29")] })).toEqual([]);
  });

  it("refuses a duration or step that is not a positive number of minutes", () => {
    for (const bad of [0, -30, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => slots({ durationMinutes: bad })).toThrow(RangeError);
      expect(() => slots({ stepMinutes: bad })).toThrow(RangeError);
    }
  });
});

describe("computeSlots: busy time (half-open boundaries)", () => {
  it("keeps a slot that starts exactly when a busy interval ends, and one that ends when it starts", () => {
    const workerAppointments = [iv("10:00", "10:30")];
    expect(starts({ workerAppointments })).toEqual(["09:00", "09:30", "10:30", "11:00", "11:30"]);
  });

  it("lets busy intervals touching the shift's ends take nothing", () => {
    const workerAppointments = [iv("08:00", "09:00"), iv("12:00", "13:00")];
    expect(starts({ workerAppointments })).toHaveLength(6);
  });

  it("blocks every slot sharing a single minute with a busy interval", () => {
    // 09:00 and 09:30 both lose a minute; 09:31 is the re-start right after the busy interval.
    expect(starts({ workerAppointments: [iv("09:29", "09:31")] })).toEqual([
      "09:31",
      "10:00",
      "10:30",
      "11:00",
      "11:30",
    ]);
  });

  it("treats adjacent busy intervals as one block", () => {
    const workerAppointments = [iv("10:00", "10:30"), iv("10:30", "11:00")];
    expect(starts({ workerAppointments })).toEqual(["09:00", "09:30", "11:00", "11:30"]);
  });

  it("treats overlapping busy intervals as their union and re-starts at its off-grid end", () => {
    const workerAppointments = [iv("10:00", "10:45"), iv("10:30", "11:15")];
    expect(slots({ workerAppointments })).toEqual(["09:00-09:30", "09:30-10:00", "11:15-11:45", "11:30-12:00"]);
  });

  it("offers the time right after an off-grid end, then returns to the grid (10:15, then 10:30)", () => {
    expect(starts({ workerAppointments: [iv("09:00", "10:15")] })).toEqual(["10:15", "10:30", "11:00", "11:30"]);
    expect(starts({ workerAppointments: [iv("09:00", "10:15")], durationMinutes: 60 })).toEqual(["10:15", "11:00"]);
  });

  it("does not offer the re-start when the rest of the free time is too short for it", () => {
    expect(starts({ timeOff: [iv("11:45", "12:00")], workerAppointments: [iv("09:00", "11:40")] })).toEqual([]);
  });

  it("gives nothing when busy time covers the whole shift, exactly or beyond", () => {
    expect(slots({ timeOff: [iv("09:00", "12:00")] })).toEqual([]);
    expect(slots({ timeOff: [iv("00:00", "00:00+1")] })).toEqual([]);
    expect(slots({ timeOff: [iv("09:00", "10:30")], workerAppointments: [iv("10:30", "12:00")] })).toEqual([]);
  });

  it("cuts time off out of the middle of a shift (a lunch break)", () => {
    const request = { shifts: [shift("09:00", "18:00")], durationMinutes: 60, timeOff: [iv("12:00", "13:00")] };
    expect(starts(request)).toEqual(["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00", "17:00"]);
  });

  it("ignores zero-length and inverted busy intervals", () => {
    expect(starts({ timeOff: [iv("10:00", "10:00")], workerAppointments: [iv("11:00", "10:00")] })).toHaveLength(6);
  });

  it("blocks the worker's appointments wherever they are", () => {
    expect(starts({ workerAppointments: [iv("09:00", "11:00")] })).toEqual(["11:00", "11:30"]);
  });

  it("blocks slots while the location is busy with someone else's appointment", () => {
    const locationAppointments = [{ ...iv("09:30", "11:00"), locationId: "room-1" }];
    expect(starts({ locationAppointments })).toEqual(["09:00", "11:00", "11:30"]);
  });

  it("ignores appointments at other locations than the shift's", () => {
    const locationAppointments = [{ ...iv("09:00", "12:00"), locationId: "room-2" }];
    expect(starts({ locationAppointments })).toHaveLength(6);
    const shifts = [shift("09:00", "10:00", "room-1"), shift("10:00", "11:00", "room-2")];
    expect(starts({ shifts, locationAppointments })).toEqual(["09:00", "09:30"]);
  });
});

describe("computeSlots: now, horizon and window", () => {
  it("leaves out slots starting before now without moving the grid", () => {
    expect(starts({ now: at("10:07") })).toEqual(["10:30", "11:00", "11:30"]);
  });

  it("keeps a slot starting exactly now and drops one starting a millisecond earlier", () => {
    expect(starts({ now: at("10:30") })[0]).toBe("10:30");
    expect(starts({ now: new Date(at("10:30").getTime() + 1) })[0]).toBe("11:00");
  });

  it("skips a past re-start after a busy interval", () => {
    expect(starts({ workerAppointments: [iv("10:00", "10:45")], now: at("10:50") })).toEqual(["11:00", "11:30"]);
  });

  it("gives nothing once the shift is over", () => {
    expect(slots({ now: at("11:31") })).toEqual([]);
  });

  it("keeps a slot ending exactly at the horizon and drops one running past it", () => {
    expect(starts({ horizonEnd: at("11:00") })).toEqual(["09:00", "09:30", "10:00", "10:30"]);
    expect(starts({ horizonEnd: at("10:45") })).toEqual(["09:00", "09:30", "10:00"]);
    expect(slots({ horizonEnd: at("09:00") })).toEqual([]);
  });

  it("keeps starts inside the window and lets the last slot run past its end (a night shift)", () => {
    const request = {
      shifts: [shift("22:00", "02:00+1")],
      durationMinutes: 60,
      stepMinutes: 30,
      window: iv("00:00", "00:00+1"),
    };
    expect(slots(request)).toEqual(["22:00-23:00", "22:30-23:30", "23:00-00:00", "23:30-00:30"]);
    expect(starts({ ...request, window: iv("00:00+1", "00:00+2") })).toEqual(["00:00", "00:30", "01:00"]);
  });

  it("keeps the shift's grid when the window starts inside it", () => {
    expect(starts({ window: iv("10:10", "11:00") })).toEqual(["10:30"]);
  });
});

describe("computeSlots: output", () => {
  it("sorts and deduplicates across shifts and re-starts, and leaves its input alone", () => {
    const shifts = [shift("13:00", "14:00"), shift("09:00", "10:00"), shift("09:00", "10:00")];
    const request = { shifts, durationMinutes: 30, workerAppointments: [iv("13:00", "13:30")] };
    expect(starts(request)).toEqual(["09:00", "09:30", "13:30"]);
    expect(shifts.map((s) => hhmm(s.start))).toEqual(["13:00", "09:00", "09:00"]);
  });
});
