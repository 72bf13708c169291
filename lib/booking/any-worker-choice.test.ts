// The choice of `workerId: "any"` (./any-worker-choice.ts) without a database: who is free by the
// rules of booking that worker, fewest booked minutes on the local day first, ties by id, DST days.
import { describe, expect, it } from "vitest";
import type { SlotsWorker } from "@/db/queries/availability";
import type { WorkerDays } from "@/db/queries/worker-days";
import { zonedDateTimeToInstant } from "@/lib/time/zoned";
import { type AnyWorkerInput, rankFreeWorkers } from "./any-worker-choice";

const MINUTE = 60_000;
const ZONE = "Europe/Berlin";
const PLACE = { id: "loc", slug: "loc", name: "Loc", kind: "workplace" as const, timeZone: ZONE };

const at = (date: string, time: string, zone = ZONE) => zonedDateTimeToInstant(date, time, zone);

function worker(id: string, over: Partial<SlotsWorker> = {}): SlotsWorker {
  return { id, active: true, bookingHorizonDays: 365, slotStepMinutes: null, homeTimeZone: ZONE, ...over };
}

/** A worker's rows: one shift `from`–`to` on `date`, and booked appointments given as [from, to] local times. */
function rows(
  workerId: string,
  date: string,
  shift: [string, string],
  booked: [string, string][] = [],
  timeOff: [string, string][] = [],
): WorkerDays {
  return {
    shifts: [
      {
        id: `s-${workerId}`,
        workerId,
        locationId: PLACE.id,
        start: at(date, shift[0]),
        end: at(date, shift[1]),
        location: PLACE,
      },
    ],
    timeOff: timeOff.map(([f, t]) => ({ workerId, start: at(date, f), end: at(date, t) })),
    workerAppointments: booked.map(([f, t]) => ({ workerId, start: at(date, f), end: at(date, t) })),
    locationAppointments: [],
  };
}

function input(over: Partial<AnyWorkerInput> & Pick<AnyWorkerInput, "candidates" | "interval">): AnyWorkerInput {
  return { durationMinutes: 30, now: new Date("2026-03-01T00:00:00Z"), client: true, ...over };
}

const slot = (date: string, time: string, minutes = 30) => {
  const start = at(date, time);
  return { start, end: new Date(start.getTime() + minutes * MINUTE) };
};

describe("rankFreeWorkers", () => {
  const date = "2026-03-10";

  it("puts the worker with the fewest booked minutes that day first", () => {
    const ranked = rankFreeWorkers(
      input({
        interval: slot(date, "12:00"),
        candidates: [
          { worker: worker("a"), rows: rows("a", date, ["09:00", "18:00"], [["09:00", "10:30"]]) },
          { worker: worker("b"), rows: rows("b", date, ["09:00", "18:00"], [["09:00", "09:30"]]) },
          { worker: worker("c"), rows: rows("c", date, ["09:00", "18:00"], [["09:00", "10:00"]]) },
        ],
      }),
    );
    expect(ranked.map((r) => [r.workerId, r.bookedMinutes])).toEqual([
      ["b", 30],
      ["c", 60],
      ["a", 90],
    ]);
  });

  it("orders a tie by id", () => {
    const ranked = rankFreeWorkers(
      input({
        interval: slot(date, "12:00"),
        candidates: ["z", "m", "b"].map((id) => ({
          worker: worker(id),
          rows: rows(id, date, ["09:00", "18:00"], [["10:00", "11:00"]]),
        })),
      }),
    );
    expect(ranked.map((r) => r.workerId)).toEqual(["b", "m", "z"]);
  });

  it("counts only the local day of the start, not the day before or after", () => {
    const busyYesterday: WorkerDays = {
      ...rows("a", date, ["09:00", "18:00"]),
      workerAppointments: [
        { workerId: "a", start: at("2026-03-09", "09:00"), end: at("2026-03-09", "17:00") },
        // 23:00 to 01:00: one hour falls on the asked day.
        { workerId: "a", start: at("2026-03-09", "23:00"), end: at(date, "01:00") },
      ],
    };
    const ranked = rankFreeWorkers(
      input({
        interval: slot(date, "12:00"),
        candidates: [
          { worker: worker("a"), rows: busyYesterday },
          { worker: worker("b"), rows: rows("b", date, ["09:00", "18:00"], [["09:00", "11:00"]]) },
        ],
      }),
    );
    expect(ranked.map((r) => [r.workerId, r.bookedMinutes])).toEqual([
      ["a", 60],
      ["b", 120],
    ]);
  });

  it("leaves out workers who are busy, off or not working then", () => {
    const ranked = rankFreeWorkers(
      input({
        interval: slot(date, "12:00"),
        candidates: [
          { worker: worker("booked"), rows: rows("booked", date, ["09:00", "18:00"], [["11:45", "12:15"]]) },
          { worker: worker("off"), rows: rows("off", date, ["09:00", "18:00"], [], [["12:00", "13:00"]]) },
          { worker: worker("early"), rows: rows("early", date, ["09:00", "12:00"]) },
          { worker: worker("free"), rows: rows("free", date, ["09:00", "18:00"], [["09:00", "11:00"]]) },
        ],
      }),
    );
    expect(ranked.map((r) => r.workerId)).toEqual(["free"]);
  });

  it("holds a client to the slot grid and the horizon; staff book any free minute", () => {
    const candidates = [
      { worker: worker("a"), rows: rows("a", date, ["09:00", "18:00"]) },
      { worker: worker("b", { bookingHorizonDays: 1 }), rows: rows("b", date, ["09:00", "18:00"]) },
    ];
    const offGrid = slot(date, "12:10");
    expect(rankFreeWorkers(input({ interval: offGrid, candidates }))).toEqual([]);
    expect(rankFreeWorkers(input({ interval: offGrid, candidates, client: false })).map((r) => r.workerId)).toEqual([
      "a",
      "b",
    ]);
    // b takes bookings one day ahead only.
    const now = new Date(at("2026-03-08", "12:00"));
    expect(rankFreeWorkers(input({ interval: slot(date, "12:00"), candidates, now })).map((r) => r.workerId)).toEqual([
      "a",
    ]);
    expect(
      rankFreeWorkers(input({ interval: slot(date, "12:00"), candidates, now, client: false })).map((r) => r.workerId),
    ).toEqual(["a", "b"]);
  });

  it("with a location, counts only shifts there", () => {
    const elsewhere = { ...rows("a", date, ["09:00", "18:00"]) };
    elsewhere.shifts = elsewhere.shifts.map((s) => ({ ...s, locationId: "other" }));
    const ranked = rankFreeWorkers(
      input({
        interval: slot(date, "12:00"),
        candidates: [
          { worker: worker("a"), rows: elsewhere },
          { worker: worker("b"), rows: rows("b", date, ["09:00", "18:00"]) },
        ],
        location: { id: PLACE.id, timeZone: ZONE },
      }),
    );
    expect(ranked.map((r) => r.workerId)).toEqual(["b"]);
  });

  it.each([
    // Spring forward: 02:00 does not exist; the day has 23 hours.
    { date: "2026-03-29", booked: [["00:00", "04:00"]] as [string, string][], minutes: 180 },
    // Fall back: 02:00-03:00 happens twice; the day has 25 hours.
    { date: "2026-10-25", booked: [["00:00", "04:00"]] as [string, string][], minutes: 300 },
  ])("counts the real minutes of a DST day ($date)", ({ date: dstDate, booked, minutes }) => {
    const ranked = rankFreeWorkers(
      input({
        interval: slot(dstDate, "12:00"),
        candidates: [
          { worker: worker("a"), rows: rows("a", dstDate, ["00:00", "23:00"], booked) },
          { worker: worker("b"), rows: rows("b", dstDate, ["00:00", "23:00"], [["08:00", "12:00"]]) },
        ],
      }),
    );
    const a = ranked.find((r) => r.workerId === "a");
    expect(a?.bookedMinutes).toBe(minutes);
    // Four wall-clock hours each, but on the short day a's are three real hours: a comes first.
    expect(ranked.map((r) => r.workerId)).toEqual(minutes < 240 ? ["a", "b"] : ["b", "a"]);
  });

  it("reads the day in the named location's zone", () => {
    // 12:00 in Berlin is 22:00 in Sydney (UTC+11 in March): an appointment at 20:00 Berlin time on
    // the day before is the same Sydney day; in Berlin it is not.
    const sydney = "Australia/Sydney";
    const start = at(date, "12:00");
    const candidates = [
      {
        worker: worker("a"),
        rows: {
          ...rows("a", date, ["00:00", "23:00"]),
          workerAppointments: [{ workerId: "a", start: at("2026-03-09", "20:00"), end: at("2026-03-09", "21:00") }],
        },
      },
    ];
    const interval = { start, end: new Date(start.getTime() + 30 * MINUTE) };
    expect(rankFreeWorkers(input({ interval, candidates }))[0]?.bookedMinutes).toBe(0);
    expect(
      rankFreeWorkers(input({ interval, candidates, location: { id: PLACE.id, timeZone: sydney } }))[0]?.bookedMinutes,
    ).toBe(60);
  });
});

describe("rankFreeWorkers with service buffers", () => {
  const date = "2026-03-10";
  // a's 10:00-10:30 is held until 10:45 (its own after-buffer of 15, as the database hands it over).
  const candidates = [
    { worker: worker("a"), rows: rows("a", date, ["09:00", "18:00"], [["10:00", "10:45"]]) },
    { worker: worker("b"), rows: rows("b", date, ["09:00", "18:00"]) },
  ];
  const buffers = { bufferBeforeMinutes: 15, bufferAfterMinutes: 15 };

  it("leaves out a worker whose held time the new one's buffers would cut into, for staff and clients", () => {
    for (const client of [false, true]) {
      // 11:00 held from 10:45: touches a's held interval, both free.
      expect(
        rankFreeWorkers(input({ client, buffers, interval: slot(date, "11:00"), candidates })).map((r) => r.workerId),
      ).toEqual(["b", "a"]);
      // 10:45 own start (free without buffers) held from 10:30: not a; for staff b, for a client
      // nobody (10:45 is off b's grid, and a's re-start after the held interval is 11:00).
      const cut = rankFreeWorkers(input({ client, buffers, interval: slot(date, "10:45"), candidates }));
      expect(cut.map((r) => r.workerId)).toEqual(client ? [] : ["b"]);
    }
  });

  it("lets staff overriding the buffers (none given) book the own interval alone", () => {
    const ranked = rankFreeWorkers(input({ client: false, interval: slot(date, "10:45"), candidates }));
    expect(ranked.map((r) => r.workerId)).toEqual(["b", "a"]);
  });

  it("keeps the buffers inside the shift", () => {
    const ranked = rankFreeWorkers(input({ client: false, buffers, interval: slot(date, "09:00"), candidates }));
    expect(ranked).toEqual([]);
  });
});
