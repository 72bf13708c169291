// Available days at every boundary, without a database: the rows are given, the clock is `now`.
// Run under TZ=UTC and TZ=America/Los_Angeles: every expectation is a calendar day or an instant
// formatted in the location's zone, so a leak of the host's zone fails.
import { describe, expect, it } from "vitest";
import type { SlotsService, SlotsWorker } from "@/db/queries/availability";
import type { WorkerDays } from "@/db/queries/worker-days";
import { addDaysToDate, zonedDateTimeToInstant } from "@/lib/time/zoned";
import { availableDaysOf, neededRange, readRange, rowsDuring } from "./available-days";
import { todayIn } from "./calendar";
import { plan, rowsRange, slotsOf } from "./plans";
import { askedDays, lookupDays } from "./worker-slots";

const LOC = "00000000-0000-4000-8000-000000000001";
const OTHER_LOC = "00000000-0000-4000-8000-000000000002";

const worker = (over: Partial<SlotsWorker> = {}): SlotsWorker => ({
  id: "00000000-0000-4000-8000-0000000000aa",
  active: true,
  bookingHorizonDays: 30,
  slotStepMinutes: null,
  homeTimeZone: null,
  ...over,
});
const service = (durationMinutes = 60, bufferBeforeMinutes = 0, bufferAfterMinutes = 0): SlotsService => ({
  id: "svc",
  active: true,
  durationMinutes,
  bufferBeforeMinutes,
  bufferAfterMinutes,
});

type Rows = {
  shifts?: [string, string, string][];
  busy?: [string, string, string][];
  off?: [string, string, string][];
};

/** Rows from local wall times: [date, from, to], in `zone`. */
function rows(zone: string, r: Rows, locationId = LOC): WorkerDays {
  const at = (date: string, time: string) => zonedDateTimeToInstant(date, time, zone);
  const span = ([date, from, to]: [string, string, string]) => ({
    start: at(date, from),
    end: to === "24:00" || to < from ? at(addDaysToDate(date, 1), to === "24:00" ? "00:00" : to) : at(date, to),
  });
  return {
    shifts: (r.shifts ?? []).map((s, i) => ({
      id: `shift-${i}`,
      workerId: worker().id,
      locationId,
      ...span(s),
      location: { id: locationId, slug: "loc", name: "Loc", kind: "workplace" as const, timeZone: zone },
    })),
    timeOff: (r.off ?? []).map((s) => ({ workerId: worker().id, ...span(s) })),
    workerAppointments: (r.busy ?? []).map((s) => ({ workerId: worker().id, ...span(s) })),
    locationAppointments: [],
  };
}

const daysOf = (
  zone: string,
  r: WorkerDays,
  days: { from: string; to: string },
  now: Date,
  opts: { w?: Partial<SlotsWorker>; duration?: number } = {},
) =>
  availableDaysOf({
    rows: r,
    worker: worker(opts.w),
    service: service(opts.duration),
    timeZone: zone,
    days,
    now,
  });

const byDate = (list: { date: string; slots: number; first: string | null }[]) =>
  Object.fromEntries(list.map((d) => [d.date, [d.slots, d.first]]));

/** What the slots endpoint answers for `date` alone, from the same rows. */
function slotsForDay(
  zone: string,
  r: WorkerDays,
  date: string,
  now: Date,
  opts: { w?: Partial<SlotsWorker>; duration?: number } = {},
) {
  const p = plan(worker(opts.w), zone, { from: date, to: date }, now);
  const range = rowsRange(p, { durationMinutes: opts.duration ?? 60 });
  return range ? slotsOf(rowsDuring(r, range), p, service(opts.duration), now) : [];
}

/** Every day of the answer equals the slots of that day asked for alone. */
function expectSameAsSlots(zone: string, r: WorkerDays, days: { from: string; to: string }, now: Date, opts = {}) {
  for (const day of daysOf(zone, r, days, now, opts)) {
    const slots = slotsForDay(zone, r, day.date, now, opts);
    expect([day.date, day.slots, day.first]).toEqual([day.date, slots.length, slots[0]?.start ?? null]);
  }
}

describe("available days", () => {
  const MSK = "Europe/Moscow";
  // Monday 2026-03-02, 10:07 in Moscow.
  const NOW = new Date("2026-03-02T07:07:00Z");

  it("a fully booked day is not free; a day with one free hour is", () => {
    const r = rows(MSK, {
      shifts: [
        ["2026-03-03", "09:00", "12:00"],
        ["2026-03-04", "09:00", "12:00"],
      ],
      busy: [
        ["2026-03-03", "09:00", "10:00"],
        ["2026-03-03", "10:00", "12:00"],
        ["2026-03-04", "09:00", "11:00"],
      ],
    });
    const days = byDate(daysOf(MSK, r, { from: "2026-03-03", to: "2026-03-04" }, NOW));
    expect(days).toEqual({ "2026-03-03": [0, null], "2026-03-04": [1, "2026-03-04T11:00:00+03:00"] });
  });

  it("time off and another booking at the location fill a day too", () => {
    const r = rows(MSK, { shifts: [["2026-03-03", "09:00", "11:00"]], off: [["2026-03-03", "09:00", "10:00"]] });
    r.locationAppointments.push({
      locationId: LOC,
      start: zonedDateTimeToInstant("2026-03-03", "10:00", MSK),
      end: zonedDateTimeToInstant("2026-03-03", "11:00", MSK),
    });
    expect(byDate(daysOf(MSK, r, { from: "2026-03-03", to: "2026-03-03" }, NOW))).toEqual({ "2026-03-03": [0, null] });
    // The same booking at another location leaves the hour free.
    r.locationAppointments[0] = {
      ...(r.locationAppointments[0] as (typeof r.locationAppointments)[0]),
      locationId: OTHER_LOC,
    };
    expect(byDate(daysOf(MSK, r, { from: "2026-03-03", to: "2026-03-03" }, NOW))).toEqual({
      "2026-03-03": [1, "2026-03-03T10:00:00+03:00"],
    });
  });

  it("today with only past slots is not free; a slot starting exactly now still counts", () => {
    const r = rows(MSK, { shifts: [["2026-03-02", "09:00", "10:00"]] });
    expect(byDate(daysOf(MSK, r, { from: "2026-03-01", to: "2026-03-02" }, NOW))).toEqual({
      "2026-03-01": [0, null],
      "2026-03-02": [0, null],
    });
    const later = rows(MSK, { shifts: [["2026-03-02", "09:00", "12:00"]] }); // 09:00, 10:00 past; 11:00 left
    expect(byDate(daysOf(MSK, later, { from: "2026-03-02", to: "2026-03-02" }, NOW))).toEqual({
      "2026-03-02": [1, "2026-03-02T11:00:00+03:00"],
    });
    const atEleven = new Date("2026-03-02T08:00:00Z");
    expect(byDate(daysOf(MSK, later, { from: "2026-03-02", to: "2026-03-02" }, atEleven))).toEqual({
      "2026-03-02": [1, "2026-03-02T11:00:00+03:00"],
    });
    const aMinuteLater = new Date("2026-03-02T08:00:01Z");
    expect(byDate(daysOf(MSK, later, { from: "2026-03-02", to: "2026-03-02" }, aMinuteLater))).toEqual({
      "2026-03-02": [0, null],
    });
  });

  it("days before today are never free", () => {
    const r = rows(MSK, { shifts: [["2026-02-27", "09:00", "12:00"]] });
    expect(byDate(daysOf(MSK, r, { from: "2026-02-27", to: "2026-02-27" }, NOW))).toEqual({ "2026-02-27": [0, null] });
  });

  it("stops at the horizon: its last day is free to its end, the day after is not", () => {
    // A horizon of 7 days from Monday 2026-03-02: the last bookable day is Monday 2026-03-09.
    const r = rows(MSK, {
      shifts: [
        ["2026-03-09", "22:00", "24:00"],
        ["2026-03-10", "00:00", "02:00"],
      ],
    });
    const w = { bookingHorizonDays: 7 };
    const days = byDate(daysOf(MSK, r, { from: "2026-03-08", to: "2026-03-10" }, NOW, { w }));
    expect(days).toEqual({
      "2026-03-08": [0, null],
      "2026-03-09": [2, "2026-03-09T22:00:00+03:00"],
      "2026-03-10": [0, null],
    });
    // A slot that starts on the last day but ends after it is not offered (22:30-23:30 fits, 23:30 not).
    const offGrid = rows(MSK, { shifts: [["2026-03-09", "22:30", "02:00"]] });
    expect(byDate(daysOf(MSK, offGrid, { from: "2026-03-09", to: "2026-03-09" }, NOW, { w }))).toEqual({
      "2026-03-09": [1, "2026-03-09T22:30:00+03:00"],
    });
    expectSameAsSlots(MSK, offGrid, { from: "2026-03-08", to: "2026-03-11" }, NOW, { w });
  });

  it("moves the horizon at local midnight, not at UTC midnight", () => {
    // 23:30 in Moscow on Monday is 20:30 UTC: today is still Monday there.
    const lateMonday = new Date("2026-03-02T20:30:00Z");
    const justAfter = new Date("2026-03-02T21:00:00Z"); // 00:00 Tuesday in Moscow
    const r = rows(MSK, { shifts: [["2026-03-10", "09:00", "10:00"]] });
    const w = { bookingHorizonDays: 7 };
    expect(byDate(daysOf(MSK, r, { from: "2026-03-10", to: "2026-03-10" }, lateMonday, { w }))).toEqual({
      "2026-03-10": [0, null],
    });
    expect(byDate(daysOf(MSK, r, { from: "2026-03-10", to: "2026-03-10" }, justAfter, { w }))).toEqual({
      "2026-03-10": [1, "2026-03-10T09:00:00+03:00"],
    });
  });

  it("splits a night shift across midnight between its two days, as the slots do", () => {
    const r = rows(MSK, { shifts: [["2026-03-05", "22:00", "03:00"]] });
    const days = byDate(daysOf(MSK, r, { from: "2026-03-05", to: "2026-03-06" }, NOW));
    expect(days).toEqual({
      "2026-03-05": [2, "2026-03-05T22:00:00+03:00"],
      "2026-03-06": [3, "2026-03-06T00:00:00+03:00"],
    });
    expectSameAsSlots(MSK, r, { from: "2026-03-04", to: "2026-03-07" }, NOW);
  });

  it("steps by the worker's slot step and re-starts after an off-grid booking", () => {
    const r = rows(MSK, { shifts: [["2026-03-03", "14:00", "15:00"]], busy: [["2026-03-03", "14:00", "14:20"]] });
    const days = byDate(
      daysOf(MSK, r, { from: "2026-03-03", to: "2026-03-03" }, NOW, { w: { slotStepMinutes: 15 }, duration: 30 }),
    );
    expect(days).toEqual({ "2026-03-03": [2, "2026-03-03T14:20:00+03:00"] });
  });
});

describe.each([
  // zone, spring-forward day (23 h), fall-back day (25 h), offsets before and after spring
  ["Europe/Berlin", "2026-03-29", "2026-10-25", "+01:00", "+02:00"],
  ["America/New_York", "2026-03-08", "2026-11-01", "-05:00", "-04:00"],
  ["America/Los_Angeles", "2026-03-08", "2026-11-01", "-08:00", "-07:00"],
])("DST in %s", (zone, spring, fall, winter, summer) => {
  const nightShift = (date: string) =>
    rows(zone, {
      shifts: [
        [date, "00:00", "06:00"],
        [date, "09:00", "18:00"],
      ],
    });

  it("the spring-forward day has one hourly slot fewer at night, and its first starts at local midnight", () => {
    const now = new Date(`${addDaysToDate(spring, -3)}T12:00:00Z`);
    const days = byDate(
      daysOf(zone, nightShift(spring), { from: addDaysToDate(spring, -1), to: addDaysToDate(spring, 1) }, now),
    );
    expect(days).toEqual({
      [addDaysToDate(spring, -1)]: [0, null],
      [spring]: [5 + 9, `${spring}T00:00:00${winter}`],
      [addDaysToDate(spring, 1)]: [0, null],
    });
    expectSameAsSlots(zone, nightShift(spring), { from: addDaysToDate(spring, -2), to: addDaysToDate(spring, 2) }, now);
  });

  it("the fall-back day has one more, and its first starts at local midnight in summer time", () => {
    const now = new Date(`${addDaysToDate(fall, -3)}T12:00:00Z`);
    const days = byDate(daysOf(zone, nightShift(fall), { from: fall, to: fall }, now));
    expect(days).toEqual({ [fall]: [7 + 9, `${fall}T00:00:00${summer}`] });
    expectSameAsSlots(zone, nightShift(fall), { from: addDaysToDate(fall, -2), to: addDaysToDate(fall, 2) }, now);
  });

  it("a whole month across the change counts each day like the slots of that day", () => {
    const now = new Date(`${addDaysToDate(spring, -20)}T12:00:00Z`);
    const from = addDaysToDate(spring, -15);
    const shifts: [string, string, string][] = [];
    for (let i = 0; i < 31; i++) {
      const date = addDaysToDate(from, i);
      if (i % 7 === 5) continue; // a day off a week
      shifts.push([date, i % 3 === 0 ? "00:00" : "08:30", i % 4 === 0 ? "24:00" : "17:00"]);
    }
    const busy: [string, string, string][] = [
      [addDaysToDate(from, 2), "09:00", "17:00"],
      [spring, "01:00", "03:30"],
    ];
    const r = rows(zone, { shifts, busy });
    const w = { bookingHorizonDays: 40 };
    expectSameAsSlots(zone, r, { from, to: addDaysToDate(from, 30) }, now, { w });
    expectSameAsSlots(zone, r, { from, to: addDaysToDate(from, 30) }, now, { w, duration: 45 });
    const days = daysOf(zone, r, { from, to: addDaysToDate(from, 30) }, now, { w });
    expect(days).toHaveLength(31);
    expect(days[2]).toEqual({ date: addDaysToDate(from, 2), slots: 0, first: null });
  });
});

describe.each([
  // A zone ahead of UTC (its local midnight is the previous day in UTC) and one behind.
  ["Pacific/Auckland", "+13:00"],
  ["Asia/Tokyo", "+09:00"],
  ["America/Los_Angeles", "-08:00"],
  ["Pacific/Honolulu", "-10:00"],
])("month boundaries in %s", (zone, offset) => {
  const now = new Date("2026-01-10T12:00:00Z");
  const r = rows(zone, {
    shifts: [
      ["2026-01-31", "23:00", "24:00"],
      ["2026-02-01", "00:00", "01:00"],
      ["2026-02-28", "23:00", "24:00"],
      ["2026-03-01", "00:00", "01:00"],
    ],
  });
  const w = { bookingHorizonDays: 90 };

  it("puts the first and last hour of the month on the month's own days", () => {
    const days = daysOf(zone, r, { from: "2026-02-01", to: "2026-02-28" }, now, { w });
    expect(days).toHaveLength(28);
    expect(days.filter((d) => d.slots > 0)).toEqual([
      { date: "2026-02-01", slots: 1, first: `2026-02-01T00:00:00${offset}` },
      { date: "2026-02-28", slots: 1, first: `2026-02-28T23:00:00${offset}` },
    ]);
    expectSameAsSlots(zone, r, { from: "2026-01-30", to: "2026-03-02" }, now, { w });
  });

  it("reads rows over a range that holds every row the days need, whatever the zone and the default days", () => {
    for (const query of [
      { service: "s", from: "2026-02-01", to: "2026-02-28" },
      { service: "s" },
      { service: "s", from: "2026-01-10" },
      { service: "s", to: "2026-02-10" },
    ]) {
      for (const at of [now, new Date("2026-01-10T00:30:00Z"), new Date("2026-01-10T23:30:00Z")]) {
        const read = readRange(lookupDays(query, at));
        for (const duration of [15, 60, 1440]) {
          const days = askedDays(query, todayIn(at, zone), 90);
          const needed = neededRange({ worker: worker(w), service: service(duration), timeZone: zone, days, now: at });
          if (!needed) continue;
          expect(read.start.getTime()).toBeLessThanOrEqual(needed.start.getTime());
          expect(read.end.getTime()).toBeGreaterThanOrEqual(needed.end.getTime());
        }
      }
    }
  });
});

describe("read range in the extreme zones", () => {
  it.each(["Pacific/Kiritimati", "Etc/GMT+12", "Pacific/Pago_Pago", "Asia/Kathmandu"])("%s", (zone) => {
    const at = new Date("2026-06-15T11:59:00Z");
    for (const query of [{ service: "s" }, { service: "s", from: "2026-06-01", to: "2026-07-31" }]) {
      const read = readRange(lookupDays(query, at));
      const days = askedDays(query, todayIn(at, zone), 366);
      const needed = neededRange({
        worker: worker({ bookingHorizonDays: 366 }),
        service: service(1440),
        timeZone: zone,
        days,
        now: at,
      });
      expect(needed).not.toBeNull();
      expect(read.start.getTime()).toBeLessThanOrEqual(needed?.start.getTime() ?? 0);
      expect(read.end.getTime()).toBeGreaterThanOrEqual(needed?.end.getTime() ?? 0);
    }
  });
});
