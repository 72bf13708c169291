// daySlotsOf reads each day's rows in one pass over the month (a moving index, not a filter of every
// row list per day) and skips days without a shift: the slots must be exactly those of the
// straightforward computation, each day planned alone and computed from rowsDuring of its range, on
// the DST days too. Run under TZ=UTC and TZ=America/Los_Angeles.
import { describe, expect, it } from "vitest";
import type { SlotsService, SlotsWorker } from "@/db/queries/availability";
import type { WorkerDays } from "@/db/queries/worker-days";
import type { Slot } from "@/lib/contract";
import { addDaysToDate, zonedDateTimeToInstant } from "@/lib/time/zoned";
import { type DaysInput, daySlotsOf, readRange, recentPart, rowsDuring } from "./available-days";
import { plan, rowsRange, slotsOf } from "./plans";
import { lookupDays } from "./worker-slots";

const HOME = "00000000-0000-4000-8000-000000000001";
const AWAY = "00000000-0000-4000-8000-000000000002";
const MINUTE = 60_000;

const worker = (over: Partial<SlotsWorker> = {}): SlotsWorker => ({
  id: "00000000-0000-4000-8000-0000000000aa",
  active: true,
  bookingHorizonDays: 45,
  slotStepMinutes: null,
  homeTimeZone: null,
  ...over,
});
const service = (durationMinutes: number, bufferBeforeMinutes = 0, bufferAfterMinutes = 0): SlotsService => ({
  id: "svc",
  active: true,
  durationMinutes,
  bufferBeforeMinutes,
  bufferAfterMinutes,
});

/** Every day planned alone, its rows filtered from all of them: what the slots endpoint lists per date. */
function straightforward(input: DaysInput): Slot[] {
  const all: Slot[] = [];
  for (let date = input.days.from; date <= input.days.to; date = addDaysToDate(date, 1)) {
    const p = plan(input.worker, input.timeZone, { from: date, to: date }, input.now);
    const range = p.window.end.getTime() > input.now.getTime() ? rowsRange(p, input.service) : null;
    if (range) all.push(...slotsOf(rowsDuring(input.rows, range), p, input.service, input.now));
  }
  return all;
}

/**
 * A busy month around `date` in `zone`: a shift most days (some across midnight, some touching at
 * midnight, some at another location), appointments of the worker and of others at the location
 * (off the grid too), time off over several days, listed out of order.
 */
function month(zone: string, date: string): WorkerDays {
  const at = (day: string, time: string) => zonedDateTimeToInstant(day, time, zone);
  const rows: WorkerDays = { shifts: [], timeOff: [], workerAppointments: [], locationAppointments: [] };
  const shift = (start: Date, end: Date, locationId = HOME) =>
    rows.shifts.push({
      id: `shift-${rows.shifts.length}`,
      workerId: worker().id,
      locationId,
      start,
      end,
      location: { id: locationId, slug: "loc", name: "Loc", kind: "workplace", timeZone: zone },
    });
  for (let i = -20; i <= 20; i++) {
    const day = addDaysToDate(date, i);
    const next = addDaysToDate(day, 1);
    if (i % 7 === 3) continue; // a day off a week
    if (i % 5 === 0) {
      // An evening shift to midnight and the next day's night shift touching it there.
      shift(at(day, "20:00"), at(next, "00:00"));
      shift(at(next, "00:00"), at(next, "06:00"));
    } else if (i % 5 === 2) {
      shift(at(day, "22:00"), at(next, "03:00")); // across midnight
      shift(at(day, "10:00"), at(day, "16:00"));
    } else if (i % 6 === 1) {
      shift(at(day, "08:00"), at(day, "12:00"), AWAY);
      shift(at(day, "13:00"), at(day, "19:00"));
    } else {
      shift(at(day, "09:00"), at(day, "18:00"));
    }
    // Eight appointments a day, some off the grid; the location's include others' bookings.
    for (let k = 0; k < 8; k++) {
      const start = new Date(at(day, "09:00").getTime() + (k * 65 + (i % 4) * 10) * MINUTE);
      const end = new Date(start.getTime() + (k % 3 === 0 ? 45 : 30) * MINUTE);
      if (k % 2 === 0) rows.workerAppointments.push({ workerId: worker().id, start, end });
      rows.locationAppointments.push({ locationId: k % 4 === 1 ? AWAY : HOME, start, end });
    }
    if (i % 3 === 0)
      rows.workerAppointments.push({ workerId: worker().id, start: at(day, "01:30"), end: at(day, "02:15") });
  }
  rows.timeOff.push(
    { workerId: worker().id, start: at(addDaysToDate(date, -4), "15:00"), end: at(addDaysToDate(date, -1), "10:00") },
    { workerId: worker().id, start: at(addDaysToDate(date, 6), "00:00"), end: at(addDaysToDate(date, 7), "00:00") },
  );
  // The database sends rows by start; nothing may depend on it.
  rows.shifts.reverse();
  rows.workerAppointments.reverse();
  rows.locationAppointments.sort((a, b) => (a.locationId < b.locationId ? -1 : 1));
  return rows;
}

describe.each([
  // zone, spring-forward day, fall-back day
  ["Europe/Berlin", "2026-03-29", "2026-10-25"],
  ["America/Los_Angeles", "2026-03-08", "2026-11-01"],
])("daySlotsOf in %s equals each day computed alone", (zone, spring, fall) => {
  const cases: [string, SlotsService, Partial<SlotsWorker>][] = [
    ["30 minutes", service(30), {}],
    ["45 minutes, a 15-minute step", service(45), { slotStepMinutes: 15 }],
    ["60 minutes with buffers of 15 and 30", service(60, 15, 30), {}],
    ["ten hours (the evening and night shifts together)", service(600), {}],
  ];
  for (const transition of [spring, fall]) {
    it.each(cases)(`a month around ${transition}: %s`, (_, svc, w) => {
      const rows = month(zone, transition);
      const from = addDaysToDate(transition, -15);
      const days = { from, to: addDaysToDate(from, 30) };
      // Now before the month, inside it (the past days offer nothing), and with the horizon inside it.
      for (const [now, horizon] of [
        [zonedDateTimeToInstant(addDaysToDate(from, -1), "12:00", zone), 45],
        [zonedDateTimeToInstant(addDaysToDate(transition, -3), "10:20", zone), 45],
        [zonedDateTimeToInstant(addDaysToDate(transition, -1), "23:30", zone), 5],
      ] as const) {
        const input: DaysInput = {
          rows,
          worker: worker({ ...w, bookingHorizonDays: horizon }),
          service: svc,
          timeZone: zone,
          days,
          now,
        };
        const expected = straightforward(input);
        expect(expected.length).toBeGreaterThan(0);
        expect(daySlotsOf(input)).toEqual(expected);
        // Only the rows read for the days not over yet, as workerAvailableDays reads them.
        const read = recentPart(readRange(lookupDays({ service: svc.id, ...days }, now)), now);
        expect(daySlotsOf({ ...input, rows: rowsDuring(rows, read) })).toEqual(expected);
      }
    });
  }
});

describe("the rows read for the days not over yet", () => {
  it.each(["Pacific/Kiritimati", "Etc/GMT+12", "Asia/Kathmandu", "Europe/Berlin", "America/Los_Angeles"])(
    "hold every row a day ending after now needs, with the longest buffers, in %s",
    (zone) => {
      const svc = service(1440, 240, 240);
      for (const iso of [
        "2026-03-08T09:59:00Z",
        "2026-03-29T00:30:00Z",
        "2026-10-25T23:30:00Z",
        "2026-11-01T10:00:00Z",
      ]) {
        const now = new Date(iso);
        const days = { from: addDaysToDate(iso.slice(0, 10), -20), to: addDaysToDate(iso.slice(0, 10), 10) };
        const read = recentPart(readRange(lookupDays({ service: svc.id, ...days }, now)), now);
        let checked = 0;
        for (let date = days.from; date <= days.to; date = addDaysToDate(date, 1)) {
          const p = plan(worker({ bookingHorizonDays: 60 }), zone, { from: date, to: date }, now);
          const range = rowsRange(p, svc);
          if (!range || p.window.end.getTime() <= now.getTime()) continue;
          expect(range.start.getTime()).toBeGreaterThanOrEqual(read.start.getTime());
          expect(range.end.getTime()).toBeLessThanOrEqual(read.end.getTime());
          checked++;
        }
        expect(checked).toBeGreaterThanOrEqual(10);
      }
    },
  );

  it("are empty, never inverted, when every asked day is long past", () => {
    const range = { start: new Date("2026-01-01T00:00:00Z"), end: new Date("2026-01-05T00:00:00Z") };
    expect(recentPart(range, new Date("2026-02-01T00:00:00Z"))).toEqual({ start: range.end, end: range.end });
    expect(recentPart(range, new Date("2026-01-02T00:00:00Z"))).toBe(range);
  });
});
