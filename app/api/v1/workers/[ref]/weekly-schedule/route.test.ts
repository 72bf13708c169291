import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { makeLocation, makeShift, makeWorker, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET, PUT } from "./route";

const db = await getDb();
const manager = await userWithToken("manager");
const admin = await userWithToken("admin");
const client = await userWithToken("client");

// A week far enough ahead that the real clock never reaches it; 2030-01-07 is a Monday.
const body = (locationId: string, rules = [{ weekday: 1, start: "09:00", end: "18:00" }]) => ({
  locationId,
  from: "2030-01-07",
  until: "2030-01-20",
  rules,
});

async function setup() {
  const location = await makeLocation({ timezone: "Europe/Berlin" });
  const worker = await makeWorker({ locationId: location.id });
  return { location, worker };
}

const put = (ref: string, payload: unknown, token = manager.token) =>
  call(PUT, "PUT", `/api/v1/workers/${ref}/weekly-schedule`, { params: { ref }, body: payload, token });
const get = (ref: string) => call(GET, "GET", `/api/v1/workers/${ref}/weekly-schedule`, { params: { ref } });

describe("/workers/{ref}/weekly-schedule", () => {
  it("answers 404 before a schedule exists, then the stored schedule to anyone", async () => {
    const { location, worker } = await setup();
    expect((await get(worker.slug)).json.error.code).toBe("not_found");
    const rules = [
      { weekday: 3, start: "17:00", end: "21:00" },
      { weekday: 3, start: "08:00", end: "10:00" },
    ];
    const res = await put(worker.slug, { ...body(location.slug, rules), until: null });
    expect(res.status).toBe(200);
    const stored = await get(worker.slug);
    expect(stored.status).toBe(200);
    expect(stored.json).toEqual({
      locationId: location.id,
      from: "2030-01-07",
      until: null,
      rules: [rules[1], rules[0]],
    });
    expect((await get("no-such-worker")).status).toBe(404);
  });

  it("applies the rules as shifts, and the same body twice changes nothing", async () => {
    const { location, worker } = await setup();
    const first = await put(worker.id, body(location.id));
    expect(first.json).toMatchObject({
      locationId: location.id,
      from: "2030-01-07",
      until: "2030-01-20",
      applied: { from: "2030-01-07", until: "2030-01-20" },
      kept: [],
    });
    expect(first.json.shifts).toEqual([
      expect.objectContaining({
        workerId: worker.id,
        start: "2030-01-07T09:00:00+01:00",
        end: "2030-01-07T18:00:00+01:00",
      }),
      expect.objectContaining({ start: "2030-01-14T09:00:00+01:00" }),
    ]);
    const second = await put(worker.id, body(location.id));
    expect(second.json.shifts).toEqual(first.json.shifts);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "weekly_schedule.apply"));
    expect(audit.filter((a) => a.actorId === manager.user.id).length).toBeGreaterThanOrEqual(2);
  });

  it("answers 409 with every conflicting date and creates nothing", async () => {
    const { location, worker } = await setup();
    const colleague = await makeWorker();
    for (const day of ["2030-01-07", "2030-01-14"]) {
      await makeShift({
        workerId: colleague.id,
        locationId: location.id,
        startAt: new Date(`${day}T16:00:00+01:00`),
        endAt: new Date(`${day}T20:00:00+01:00`),
      });
    }
    const res = await put(worker.id, body(location.id));
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("location_busy");
    expect(res.json.error.details.dates).toEqual(["2030-01-07", "2030-01-14"]);
    expect((await get(worker.id)).status).toBe(404);
  });

  it("refuses overlapping rules of one weekday and other bad bodies with 400", async () => {
    const { location, worker } = await setup();
    const issues = async (payload: unknown) => (await put(worker.id, payload)).json.error.details.issues;
    const overlapping = [
      { weekday: 2, start: "08:00", end: "12:00" },
      { weekday: 3, start: "08:00", end: "12:00" },
      { weekday: 2, start: "11:00", end: "14:00" },
    ];
    expect(await issues(body(location.id, overlapping))).toEqual([
      { path: "rules.2", message: "Overlaps rule 0 of the same weekday." },
    ]);
    expect(await issues(body(location.id, [{ weekday: 8, start: "09:00", end: "10:00" }]))).toHaveLength(1);
    expect(await issues(body(location.id, [{ weekday: 1, start: "9:00", end: "10:00" }]))).toHaveLength(1);
    expect(await issues(body(location.id, [{ weekday: 1, start: "10:00", end: "09:00" }]))).toHaveLength(1);
    expect(await issues(body(location.id, [{ weekday: 1, start: "24:00", end: "24:00" }]))).not.toHaveLength(0);
    expect(await issues({ ...body(location.id), until: "2030-01-06" })).toEqual([
      { path: "until", message: "until must not be before from." },
    ]);
    expect(await issues({ ...body(location.id), rules: "daily" })).toHaveLength(1);
    expect((await put(worker.id, body("no-such-place"))).status).toBe(404);
  });

  it("is written by managers only", async () => {
    const { location, worker } = await setup();
    const payload = body(location.id);
    expect((await call(PUT, "PUT", "/x", { params: { ref: worker.id }, body: payload })).status).toBe(401);
    expect((await put(worker.id, payload, client.token)).status).toBe(403);
    expect((await put(worker.id, payload, admin.token)).status).toBe(403);
  });
});
