import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { shifts, weeklyScheduleRules, weeklySchedules } from "@/db/schema";
import { formatInstant, zonedDateTimeToInstant } from "@/lib/time/zoned";
import { makeLocation, makeShift, makeWorker } from "@/testing/fixtures";
import { applyWeeklySchedule } from "./apply-weekly-schedule";
import { rollWeeklySchedules } from "./roll-weekly-schedules";

const db = await getDb();
const ZONE = "America/New_York";
const DAY = 86_400_000;
// Monday 2026-10-26, 10:00 in New York; the fortnight ahead crosses the 1 November fall-back.
const NOW = new Date("2026-10-26T14:00:00Z");
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "18:00" }));
const local = (date: string, time: string) => zonedDateTimeToInstant(date, time, ZONE);

afterEach(() => {
  vi.restoreAllMocks();
});

async function scheduled(until?: string) {
  const location = await makeLocation({ timezone: ZONE });
  const worker = await makeWorker({ locationId: location.id, bookingHorizonDays: 7 });
  await applyWeeklySchedule(db, {
    worker,
    location,
    body: { locationId: location.id, from: "2026-10-26", until, rules: weekdays },
    actorId: null,
    now: NOW,
  });
  const starts = async () =>
    (await db.select().from(shifts).where(eq(shifts.workerId, worker.id)).orderBy(shifts.startAt)).map((s) =>
      formatInstant(s.startAt, ZONE),
    );
  const roll = async (now: Date) => (await rollWeeklySchedules(db, now)).find((r) => r.workerId === worker.id);
  return { location, worker, starts, roll };
}

describe("rollWeeklySchedules", () => {
  it("adds nothing right after applying, and nothing when run twice", async () => {
    const { starts, roll } = await scheduled();
    const before = await starts();
    expect(before.at(-1)).toBe("2026-11-02T09:00:00-05:00");
    expect(await roll(NOW)).toBeUndefined();
    expect(await roll(NOW)).toBeUndefined();
    expect(await starts()).toEqual(before);
  });

  it("extends the shifts as `now` advances, keeping 09:00 local across the DST change, idempotently", async () => {
    const { starts, roll } = await scheduled();
    const later = new Date(NOW.getTime() + 3 * DAY);
    expect(await roll(later)).toMatchObject({ through: "2026-11-05", created: 3, skipped: [] });
    expect(await roll(later)).toBeUndefined();
    expect((await starts()).slice(-4)).toEqual([
      "2026-11-02T09:00:00-05:00",
      "2026-11-03T09:00:00-05:00",
      "2026-11-04T09:00:00-05:00",
      "2026-11-05T09:00:00-05:00",
    ]);
    // A week without a run: the next one catches up on every day at once.
    expect(await roll(new Date(NOW.getTime() + 10 * DAY))).toMatchObject({ through: "2026-11-12", created: 5 });
  });

  it("does not bring back a shift a manager deleted", async () => {
    const { worker, starts, roll } = await scheduled();
    await db.delete(shifts).where(eq(shifts.startAt, local("2026-11-02", "09:00")));
    await db.delete(shifts).where(eq(shifts.startAt, local("2026-10-30", "09:00")));
    expect(await roll(new Date(NOW.getTime() + DAY))).toMatchObject({ created: 1 });
    const after = await starts();
    expect(after).not.toContain("2026-11-02T09:00:00-05:00");
    expect(after).not.toContain("2026-10-30T09:00:00-04:00");
    expect(after.at(-1)).toBe("2026-11-03T09:00:00-05:00");
    expect(worker.id).toBeTruthy();
  });

  it("skips and logs the days that conflict, creates the rest, and never fails", async () => {
    const { location, starts, roll } = await scheduled();
    const colleague = await makeWorker();
    await makeShift({
      workerId: colleague.id,
      locationId: location.id,
      startAt: local("2026-11-04", "17:00"),
      endAt: local("2026-11-04", "19:00"),
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const report = await roll(new Date(NOW.getTime() + 4 * DAY));
    expect(report).toMatchObject({ created: 3, skipped: ["2026-11-04"] });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("2026-11-04"));
    expect(await starts()).not.toContain("2026-11-04T09:00:00-05:00");
    // The skipped day is not retried every hour: the frontier has moved past it.
    expect(await roll(new Date(NOW.getTime() + 4 * DAY + 3_600_000))).toBeUndefined();
  });

  it("stops at the schedule's `until`, which applying already reached", async () => {
    const { starts, roll } = await scheduled("2026-11-04");
    expect((await starts()).at(-1)).toBe("2026-11-04T09:00:00-05:00");
    expect(await roll(new Date(NOW.getTime() + 7 * DAY))).toBeUndefined();
    expect((await starts()).at(-1)).toBe("2026-11-04T09:00:00-05:00");
  });

  it("continues a schedule that was never applied through the API from its latest shift (the demo seed's)", async () => {
    const location = await makeLocation({ timezone: ZONE });
    const worker = await makeWorker({ locationId: location.id, bookingHorizonDays: 3 });
    const [schedule] = await db
      .insert(weeklySchedules)
      .values({ workerId: worker.id, locationId: location.id, validFrom: "2026-10-01" })
      .returning();
    if (!schedule) throw new Error("no schedule");
    await db
      .insert(weeklyScheduleRules)
      .values(
        weekdays.map((r) => ({ scheduleId: schedule.id, weekday: r.weekday, startTime: r.start, endTime: r.end })),
      );
    await makeShift({
      workerId: worker.id,
      locationId: location.id,
      startAt: local("2026-10-27", "09:00"),
      endAt: local("2026-10-27", "18:00"),
    });
    await db.update(shifts).set({ weeklyScheduleId: schedule.id }).where(eq(shifts.workerId, worker.id));
    const report = (await rollWeeklySchedules(db, NOW)).find((r) => r.workerId === worker.id);
    expect(report).toMatchObject({ through: "2026-10-29", created: 2 });
  });
});
