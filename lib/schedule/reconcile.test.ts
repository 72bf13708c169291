import { describe, expect, it } from "vitest";
import type { PlannedShift } from "./plan";
import { type ExistingShift, reconcileShifts } from "./reconcile";

const at = (day: number, hour: number) => new Date(Date.UTC(2030, 0, day, hour));
const planned = (day: number, from: number, to: number): PlannedShift => ({
  date: `2030-01-${String(day).padStart(2, "0")}`,
  rule: { weekday: 1, start: `${from}:00`, end: `${to}:00` },
  start: at(day, from),
  end: at(day, to),
});
let n = 0;
const shift = (day: number, from: number, to: number, over: Partial<ExistingShift> = {}): ExistingShift => ({
  id: `s${++n}`,
  workerId: "w",
  locationId: "L",
  start: at(day, from),
  end: at(day, to),
  generated: true,
  appointmentIds: [],
  ...over,
});
const now = at(10, 12);
const run = (plan: PlannedShift[], existing: ExistingShift[], exclusiveLocation = true, from = at(10, 0)) =>
  reconcileShifts({ planned: plan, existing, workerId: "w", locationId: "L", exclusiveLocation, from, now });

describe("reconcileShifts", () => {
  it("creates planned future shifts and leaves generated ones that match untouched", () => {
    const same = shift(11, 9, 17);
    const r = run([planned(11, 9, 17), planned(12, 9, 17)], [same]);
    expect(r.unchanged).toEqual([same]);
    expect(r.insert.map((p) => p.date)).toEqual(["2030-01-12"]);
    expect([...r.remove, ...r.kept, ...r.conflicts]).toEqual([]);
  });

  it("never creates shifts that start before now, and leaves finished ones alone", () => {
    const finished = shift(9, 9, 17);
    const r = run([planned(9, 10, 17), planned(10, 9, 17), planned(10, 13, 17)], [finished]);
    expect(r.insert.map((p) => p.start)).toEqual([at(10, 13)]);
    expect([...r.remove, ...r.kept]).toEqual([]);
  });

  it("replaces changed future generated shifts without appointments and keeps booked and started ones", () => {
    const free = shift(11, 9, 17);
    const booked = shift(12, 9, 17, { appointmentIds: ["a1"] });
    const started = shift(10, 9, 17);
    const elsewhere = shift(13, 9, 17, { locationId: "other" });
    const r = run(
      [planned(10, 13, 20), planned(11, 10, 18), planned(12, 10, 18), planned(13, 9, 17)],
      [free, booked, started, elsewhere],
    );
    expect(r.remove).toEqual([free, elsewhere]);
    expect(r.kept).toEqual([
      { shift: booked, reason: "has_appointments" },
      { shift: started, reason: "started" },
    ]);
    // Days with a kept shift keep it instead of the new plan; the others get the new shifts.
    expect(r.insert.map((p) => p.date)).toEqual(["2030-01-11", "2030-01-13"]);
    expect(r.conflicts).toEqual([]);
  });

  it("removes generated future shifts the plan no longer has, even outside the planned dates", () => {
    const later = shift(20, 9, 17);
    expect(run([], [later]).remove).toEqual([later]);
  });

  it("leaves generated shifts before the first applied date alone", async () => {
    const thisWeek = shift(11, 9, 17);
    const nextWeek = shift(18, 9, 17);
    const r = run([planned(18, 10, 18)], [thisWeek, nextWeek], true, at(17, 0));
    expect(r.remove).toEqual([nextWeek]);
    expect(r.kept).toEqual([]);
    expect(r.insert.map((p) => p.date)).toEqual(["2030-01-18"]);
  });

  it("reports every conflict: the worker's manual shifts and other workers at the workplace", () => {
    const manual = shift(11, 8, 10, { generated: false });
    const colleague = shift(12, 16, 20, { workerId: "other" });
    const colleague2 = shift(14, 8, 9, { workerId: "other" });
    const r = run(
      [planned(11, 9, 17), planned(12, 9, 17), planned(13, 9, 17), planned(14, 8, 17)],
      [manual, colleague, colleague2],
    );
    expect(r.conflicts.map((c) => [c.planned.date, c.code, c.shift.id])).toEqual([
      ["2030-01-11", "worker_busy", manual.id],
      ["2030-01-12", "location_busy", colleague.id],
      ["2030-01-14", "location_busy", colleague2.id],
    ]);
    expect(r.insert.map((p) => p.date)).toEqual(["2030-01-13"]);
  });

  it("lets other workers share a room, and touching shifts never conflict", () => {
    const colleague = shift(11, 9, 17, { workerId: "other" });
    expect(run([planned(11, 9, 17)], [colleague], false).conflicts).toEqual([]);
    const before = shift(11, 6, 9, { workerId: "other" });
    const after = shift(11, 17, 20, { generated: false });
    const r = run([planned(11, 9, 17)], [before, after]);
    expect(r.conflicts).toEqual([]);
    expect(r.insert).toHaveLength(1);
  });

  it("does not let a removed shift of the worker block its replacement", () => {
    const old = shift(11, 9, 17);
    const r = run([planned(11, 10, 18)], [old]);
    expect(r.remove).toEqual([old]);
    expect(r.insert).toHaveLength(1);
    expect(r.conflicts).toEqual([]);
  });
});
