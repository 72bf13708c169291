// Service buffers at every boundary (API.md v1 extensions "Service buffers"): the slot list
// (computeSlots) and the booking rules (checkBooking, heldInterval) agree that a slot's held interval
// [start - before, end + after) lies inside the shift block, clear of time off and of the other
// appointments' held intervals (which the database hands over as the busy intervals), touching
// allowed. Run under TZ=UTC and TZ=America/Los_Angeles: every instant is absolute, the DST cases are
// written in the location's own zone.
import { describe, expect, it } from "vitest";
import { checkBooking, heldInterval, NO_BUFFERS } from "@/lib/booking/rules";
import { zonedDateTimeToInstant } from "@/lib/time/zoned";
import { intervalJson, localDaysInterval } from "./calendar";
import type { Interval } from "./intervals";
import { computeSlots, type SlotRequest } from "./slots";

const MINUTE = 60_000;
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const iv = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const shift = (start: string, end: string, locationId = "room-1") => ({ ...iv(start, end), locationId });
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

function starts(over: Partial<SlotRequest>): string[] {
  return computeSlots({
    shifts: [shift("09:00", "12:00")],
    timeOff: [],
    workerAppointments: [],
    locationAppointments: [],
    durationMinutes: 30,
    now: at("00:00"),
    horizonEnd: at("23:00"),
    ...over,
  }).map((s) => hhmm(s.start));
}

/** Whether the booking rules take the slot at `start` (30 minutes) with these buffers. */
function books(start: string, before: number, after: number, over: { timeOff?: Interval[] } = {}) {
  const interval = { start: at(start), end: new Date(at(start).getTime() + 30 * MINUTE) };
  const buffers = { bufferBeforeMinutes: before, bufferAfterMinutes: after };
  const verdict = checkBooking({
    interval,
    now: at("00:00"),
    horizonEnd: null,
    shifts: [shift("09:00", "12:00")],
    timeOff: over.timeOff ?? [],
    held: heldInterval(interval, buffers),
  });
  return verdict.ok ? "ok" : `${verdict.reason}${verdict.buffer ? " (buffer)" : ""}`;
}

describe("computeSlots with buffers", () => {
  it("without buffers (0 or absent) offers what it always did", () => {
    const plain = starts({});
    expect(plain).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]);
    expect(starts({ bufferBeforeMinutes: 0, bufferAfterMinutes: 0 })).toEqual(plain);
  });

  it("keeps both buffers inside the shift: the first start after the shift opens, the last before it closes", () => {
    // Held [s - 10, s + 45): s >= 09:10 and s <= 11:15. 09:10 is the re-start at the block's open.
    expect(starts({ bufferBeforeMinutes: 10, bufferAfterMinutes: 15 })).toEqual([
      "09:10",
      "09:30",
      "10:00",
      "10:30",
      "11:00",
    ]);
  });

  it("offers a slot whose held interval touches the shift's end exactly, not one a minute later", () => {
    expect(starts({ bufferAfterMinutes: 15, stepMinutes: 15 }).at(-1)).toBe("11:15");
    expect(starts({ bufferAfterMinutes: 16, stepMinutes: 15 }).at(-1)).toBe("11:00");
    expect(starts({ bufferBeforeMinutes: 15, stepMinutes: 15 })[0]).toBe("09:15");
  });

  it("offers a slot whose held interval touches a busy (held) interval exactly, on either side", () => {
    const busy = [iv("10:00", "10:30")];
    // Before it: 09:15 + 30 + 15 ends at 10:00. After it: 10:30 (no before-buffer), on the grid.
    expect(starts({ workerAppointments: busy, bufferAfterMinutes: 15, stepMinutes: 15 })).toEqual([
      "09:00",
      "09:15",
      "10:30",
      "10:45",
      "11:00",
      "11:15",
    ]);
    // A before-buffer of 10: 09:30 ends where the busy interval starts; the re-start right after it
    // is 10:40 (held from 10:30), then the grid.
    expect(starts({ workerAppointments: busy, bufferBeforeMinutes: 10 })).toEqual([
      "09:10",
      "09:30",
      "10:40",
      "11:00",
      "11:30",
    ]);
  });

  it("counts the location's busy time and time off against the held interval too", () => {
    const locationBusy = [{ ...iv("11:50", "12:00"), locationId: "room-1" }];
    expect(starts({ locationAppointments: locationBusy, bufferAfterMinutes: 15 }).at(-1)).toBe("11:00");
    expect(starts({ timeOff: [iv("09:00", "09:05")], bufferBeforeMinutes: 5 })[0]).toBe("09:10");
    expect(starts({ timeOff: [iv("09:00", "09:05")], bufferBeforeMinutes: 6 })[0]).toBe("09:11");
  });

  it("binds now, the window and the horizon to the client's own start and end, not to the buffers", () => {
    // Own start exactly now is offered, though its before-buffer lies in the past.
    expect(starts({ bufferBeforeMinutes: 10, now: at("09:10") })[0]).toBe("09:10");
    // Own end exactly at the horizon is offered, though its after-buffer runs past it.
    expect(starts({ bufferAfterMinutes: 15, horizonEnd: at("11:30") }).at(-1)).toBe("11:00");
    expect(starts({ bufferAfterMinutes: 15, horizonEnd: at("11:29") }).at(-1)).toBe("10:30");
  });

  it("refuses negative buffers", () => {
    expect(() => starts({ bufferBeforeMinutes: -1 })).toThrow(RangeError);
  });
});

describe("checkBooking with buffers", () => {
  it("is what the slot list offers at the shift's edges, a refusal for the buffer alone saying so", () => {
    expect(books("09:10", 10, 15)).toBe("ok");
    expect(books("09:09", 10, 15)).toBe("outside_schedule (buffer)");
    expect(books("11:15", 10, 15)).toBe("ok");
    expect(books("11:16", 10, 15)).toBe("outside_schedule (buffer)");
    // Outside the shift with the own interval already: no buffer flag.
    expect(books("11:31", 10, 15)).toBe("outside_schedule");
  });

  it("refuses time off inside a buffer, touching allowed", () => {
    expect(books("10:00", 10, 0, { timeOff: [iv("09:40", "09:50")] })).toBe("ok");
    expect(books("10:00", 10, 0, { timeOff: [iv("09:40", "09:51")] })).toBe("time_off (buffer)");
    expect(books("10:00", 0, 10, { timeOff: [iv("10:40", "10:50")] })).toBe("ok");
    expect(books("10:00", 0, 10, { timeOff: [iv("10:39", "10:50")] })).toBe("time_off (buffer)");
    expect(books("10:00", 0, 10, { timeOff: [iv("10:29", "10:50")] })).toBe("time_off");
  });

  it("holds only the own interval without buffers", () => {
    const interval = iv("10:00", "10:30");
    expect(heldInterval(interval, NO_BUFFERS)).toBe(interval);
    expect(heldInterval(interval, null)).toBe(interval);
    expect(heldInterval(interval, { bufferBeforeMinutes: 5, bufferAfterMinutes: 20 })).toEqual(iv("09:55", "10:50"));
  });
});

describe.each([
  // The repeated hour of America/Los_Angeles's fall-back day and the missing one of its spring day.
  { date: "2026-11-01", zone: "America/Los_Angeles", hours: 25 },
  { date: "2026-03-08", zone: "America/Los_Angeles", hours: 23 },
])("buffers on $date in $zone ($hours hours)", ({ date, zone }) => {
  const local = (time: string) => zonedDateTimeToInstant(date, time, zone);

  it("are elapsed minutes across the DST change", () => {
    // 01:30 local and 03:00 local: across the change the wall clock and elapsed time differ.
    const interval = { start: local("03:00"), end: local("03:30") };
    const held = heldInterval(interval, { bufferBeforeMinutes: 90, bufferAfterMinutes: 0 });
    expect(interval.start.getTime() - held.start.getTime()).toBe(90 * MINUTE);
  });

  it("keep a night shift's slots whole: held inside the shift, by elapsed time", () => {
    const block = { start: local("00:00"), end: local("04:00"), locationId: "loc" };
    const slots = computeSlots({
      shifts: [block],
      timeOff: [],
      workerAppointments: [],
      locationAppointments: [],
      durationMinutes: 60,
      bufferBeforeMinutes: 30,
      bufferAfterMinutes: 30,
      now: new Date(block.start.getTime() - 86_400_000),
      horizonEnd: new Date(block.end.getTime() + 86_400_000),
      window: localDaysInterval(date, date, zone),
    });
    const elapsed = block.end.getTime() - block.start.getTime();
    // The grid steps 60 elapsed minutes from the block's start; the re-start is 00:30.
    const expected = [30 * MINUTE];
    for (let s = 60 * MINUTE; s + 90 * MINUTE <= elapsed; s += 60 * MINUTE) expected.push(s);
    expect(slots.map((s) => s.start.getTime() - block.start.getTime())).toEqual(expected);
    for (const slot of slots) {
      const held = heldInterval(slot, { bufferBeforeMinutes: 30, bufferAfterMinutes: 30 });
      expect(held.start.getTime()).toBeGreaterThanOrEqual(block.start.getTime());
      expect(held.end.getTime()).toBeLessThanOrEqual(block.end.getTime());
    }
    expect(intervalJson(slots[0] as Interval, zone).start.slice(11, 16)).toBe("00:30");
  });
});
