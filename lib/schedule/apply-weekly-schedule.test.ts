// Applying weekly schedules at a chosen `now`, so DST dates and "the future" are fixed. Expectations
// are local wall times in the location's zone or absolute instants: host-TZ independent.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findWeeklySchedule } from "@/db/queries/weekly-schedules";
import { shifts, weeklySchedules } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { zonedDateTimeToInstant } from "@/lib/time/zoned";
import type { WeeklyScheduleBody } from "@/lib/validation/schedules";
import { makeAppointment, makeLocation, makeShift, makeWorker } from "@/testing/fixtures";
import { applyWeeklySchedule } from "./apply-weekly-schedule";

const db = await getDb();
const BERLIN = "Europe/Berlin";
// Friday 2026-03-20, 11:00 in Berlin: the next fortnight crosses the 29 March spring-forward.
const NOW = new Date("2026-03-20T10:00:00Z");
const daily = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));
const local = (date: string, time: string) => zonedDateTimeToInstant(date, time, BERLIN);

async function setup(kind: "workplace" | "room" = "workplace") {
  const location = await makeLocation({ timezone: BERLIN, kind });
  const worker = await makeWorker({ locationId: location.id, bookingHorizonDays: 14 });
  const apply = (body: Partial<WeeklyScheduleBody>, now = NOW) =>
    applyWeeklySchedule(db, {
      worker,
      location,
      body: { locationId: location.id, from: "2026-03-23", rules: daily("09:00", "18:00"), ...body },
      actorId: null,
      now,
    });
  const workerShifts = () => db.select().from(shifts).where(eq(shifts.workerId, worker.id)).orderBy(shifts.startAt);
  return { location, worker, apply, workerShifts };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (err: unknown) => {
      if (!(err instanceof AppError)) throw err;
      return err;
    },
  );

describe("applyWeeklySchedule", () => {
  it("makes 09:00-18:00 local shifts from `from` through `until`, across the DST change", async () => {
    const { apply } = await setup();
    const result = await apply({ until: "2026-03-31" });
    expect(result.shifts.map((s) => `${s.start} ${s.end}`)).toEqual(
      ["23", "24", "25", "26", "27", "28"]
        .map((d) => `2026-03-${d}T09:00:00+01:00 2026-03-${d}T18:00:00+01:00`)
        .concat(["29", "30", "31"].map((d) => `2026-03-${d}T09:00:00+02:00 2026-03-${d}T18:00:00+02:00`)),
    );
    expect(result.applied).toEqual({ from: "2026-03-23", until: "2026-03-31" });
    expect(result.kept).toEqual([]);
  });

  it("fills up to the booking horizon (today + bookingHorizonDays) when there is no `until`", async () => {
    const { apply } = await setup();
    const result = await apply({});
    expect(result.applied).toEqual({ from: "2026-03-23", until: "2026-04-03" });
    expect(result.shifts.at(-1)?.start).toBe("2026-04-03T09:00:00+02:00");
    expect(result.until).toBeNull();
  });

  it("starts today when `from` is past, and never makes shifts that have begun", async () => {
    const { apply } = await setup();
    const result = await apply({ from: "2026-03-01", until: "2026-03-21", rules: daily("12:00", "14:00") });
    expect(result.applied.from).toBe("2026-03-20");
    expect(result.shifts.map((s) => s.start)).toEqual(["2026-03-20T12:00:00+01:00", "2026-03-21T12:00:00+01:00"]);
    const late = await setup();
    const afterNoon = await late.apply({ from: "2026-03-20", until: "2026-03-20", rules: daily("09:00", "10:30") });
    expect(afterNoon.shifts).toEqual([]);
  });

  it("is idempotent: the same body twice answers the same shifts, ids included", async () => {
    const { apply, workerShifts } = await setup();
    const first = await apply({});
    const second = await apply({});
    expect(second.shifts).toEqual(first.shifts);
    expect(second.shifts.length).toBeGreaterThan(10);
    expect((await workerShifts()).length).toBe(first.shifts.length);
  });

  it("stores the rules, several per weekday, and reads them back in order", async () => {
    const { apply, worker, location } = await setup();
    const rules = [
      { weekday: 2, start: "17:00", end: "21:00" },
      { weekday: 2, start: "08:00", end: "10:00" },
      { weekday: 1, start: "10:00", end: "24:00" },
    ];
    const result = await apply({ rules, until: "2026-03-24" });
    const sorted = [rules[2], rules[1], rules[0]];
    expect(result.rules).toEqual(sorted);
    expect(await findWeeklySchedule(db, worker.id)).toMatchObject({
      schedule: { locationId: location.id, validFrom: "2026-03-23", validUntil: "2026-03-24" },
      rules: sorted,
    });
    expect(result.shifts.map((s) => `${s.start} ${s.end}`)).toEqual([
      "2026-03-23T10:00:00+01:00 2026-03-24T00:00:00+01:00",
      "2026-03-24T08:00:00+01:00 2026-03-24T10:00:00+01:00",
      "2026-03-24T17:00:00+01:00 2026-03-24T21:00:00+01:00",
    ]);
  });

  it("creates nothing on a conflict and lists every conflicting date", async () => {
    const { apply, worker, location, workerShifts } = await setup();
    const colleague = await makeWorker();
    for (const date of ["2026-03-24", "2026-03-30"]) {
      await makeShift({
        workerId: colleague.id,
        locationId: location.id,
        startAt: local(date, "17:00"),
        endAt: local(date, "20:00"),
      });
    }
    const elsewhere = await makeLocation({ timezone: BERLIN });
    await makeShift({
      workerId: worker.id,
      locationId: elsewhere.id,
      startAt: local("2026-03-26", "07:00"),
      endAt: local("2026-03-26", "10:00"),
    });
    const err = await failure(apply({}));
    expect([err.status, err.code]).toEqual([409, "location_busy"]);
    expect(err.details?.dates).toEqual(["2026-03-24", "2026-03-26", "2026-03-30"]);
    const conflicts = err.details?.conflicts as { date: string; code: string; workerId: string }[];
    expect(conflicts.map((c) => [c.date, c.code])).toEqual([
      ["2026-03-24", "location_busy"],
      ["2026-03-26", "worker_busy"],
      ["2026-03-30", "location_busy"],
    ]);
    expect((await workerShifts()).length).toBe(1);
    expect(await db.select().from(weeklySchedules).where(eq(weeklySchedules.workerId, worker.id))).toEqual([]);
  });

  it("answers worker_busy when only the worker's own manual shifts are in the way", async () => {
    const { apply, worker, location } = await setup();
    await makeShift({
      workerId: worker.id,
      locationId: location.id,
      startAt: local("2026-03-25", "12:00"),
      endAt: local("2026-03-25", "13:00"),
    });
    const err = await failure(apply({}));
    expect([err.code, err.details?.dates]).toEqual(["worker_busy", ["2026-03-25"]]);
  });

  it("lets other workers' shifts overlap in a room", async () => {
    const { apply, location } = await setup("room");
    const colleague = await makeWorker();
    await makeShift({
      workerId: colleague.id,
      locationId: location.id,
      startAt: local("2026-03-24", "10:00"),
      endAt: local("2026-03-24", "12:00"),
    });
    expect((await apply({ until: "2026-03-25" })).shifts).toHaveLength(3);
  });

  it("re-applied with other hours, replaces unbooked future shifts and keeps booked and started ones", async () => {
    const { apply, worker, location } = await setup();
    const first = await apply({ from: "2026-03-20", until: "2026-03-26", rules: daily("10:00", "18:00") });
    const booked = first.shifts.find((s) => s.start.startsWith("2026-03-24"));
    const appointment = await makeAppointment({
      workerId: worker.id,
      locationId: location.id,
      startAt: local("2026-03-24", "15:00"),
      endAt: local("2026-03-24", "16:00"),
    });
    // 2026-03-23 11:30 local: Monday's 10:00 shift is under way.
    const later = local("2026-03-23", "11:30");
    const second = await apply({ from: "2026-03-20", until: "2026-03-26", rules: daily("08:00", "16:00") }, later);
    expect(second.kept.map((k) => [k.shift.start, k.reason, k.appointmentIds])).toEqual([
      ["2026-03-23T10:00:00+01:00", "started", undefined],
      ["2026-03-24T10:00:00+01:00", "has_appointments", [appointment.id]],
    ]);
    // The answer covers the applied dates: from today (the 23rd) on.
    expect(second.shifts.map((s) => s.start)).toEqual([
      "2026-03-23T10:00:00+01:00",
      "2026-03-24T10:00:00+01:00",
      "2026-03-25T08:00:00+01:00",
      "2026-03-26T08:00:00+01:00",
    ]);
    expect(second.shifts.find((s) => s.start.startsWith("2026-03-24"))?.id).toBe(booked?.id);
    const third = await apply({ from: "2026-03-20", until: "2026-03-26", rules: daily("08:00", "16:00") }, later);
    expect(third.shifts).toEqual(second.shifts);
  });

  it("removes future shifts the schedule no longer has: fewer days, an earlier until, no rules", async () => {
    const { apply, workerShifts } = await setup();
    await apply({ until: "2026-03-31" });
    const shorter = await apply({ until: "2026-03-25" });
    expect(shorter.shifts).toHaveLength(3);
    expect((await workerShifts()).length).toBe(3);
    const cleared = await apply({ until: "2026-03-25", rules: [] });
    expect([cleared.shifts, cleared.rules]).toEqual([[], []]);
    expect(await workerShifts()).toEqual([]);
  });

  it("with a later `from`, changes the shifts from then on and leaves the ones before it", async () => {
    const { apply, workerShifts } = await setup();
    const first = await apply({ until: "2026-03-31" });
    const next = await apply({ from: "2026-03-30", until: "2026-03-31", rules: daily("12:00", "20:00") });
    expect(next.applied).toEqual({ from: "2026-03-30", until: "2026-03-31" });
    expect(next.shifts.map((s) => s.start)).toEqual(["2026-03-30T12:00:00+02:00", "2026-03-31T12:00:00+02:00"]);
    const all = await workerShifts();
    expect(all.slice(0, 7).map((s) => s.id)).toEqual(first.shifts.slice(0, 7).map((s) => s.id));
    expect(all).toHaveLength(9);
  });

  it("moves the shifts when the schedule moves to another location, and keeps manual shifts", async () => {
    const { apply, worker, workerShifts } = await setup();
    await apply({ until: "2026-03-24" });
    const manual = await makeShift({
      workerId: worker.id,
      locationId: worker.locationId ?? "",
      startAt: local("2026-03-25", "09:00"),
      endAt: local("2026-03-25", "18:00"),
    });
    const other = await makeLocation({ timezone: BERLIN });
    const moved = await applyWeeklySchedule(db, {
      worker,
      location: other,
      body: { locationId: other.id, from: "2026-03-23", until: "2026-03-24", rules: daily("09:00", "18:00") },
      actorId: null,
      now: NOW,
    });
    expect(moved.shifts.map((s) => s.locationId)).toEqual([other.id, other.id]);
    expect((await workerShifts()).map((s) => s.id)).toContain(manual.id);
    const left = await db
      .select()
      .from(shifts)
      .where(and(eq(shifts.workerId, worker.id), eq(shifts.locationId, worker.locationId ?? "")));
    expect(left.map((s) => s.id)).toEqual([manual.id]);
  });

  it("refuses to lay out more than a year at once", async () => {
    const { apply } = await setup();
    const err = await failure(apply({ until: "2027-06-01" }));
    expect([err.status, err.code]).toEqual([400, "validation_failed"]);
  });
});
