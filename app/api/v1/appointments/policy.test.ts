// The business policy on the API (API.md v1 extensions "Business profile and policies"): a client
// booking inside the minimum notice, cancelling or moving past the cut-offs, or holding the most
// upcoming appointments allowed is refused with its code; staff go past each, and the audit row's
// `after` says which (policyOverride). The clock is fixed on the hour, so the scene's shift starts
// exactly 60 minutes from now and every boundary is exact.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as availabilityRoute from "@/app/api/v1/availability/route";
import * as businessRoute from "@/app/api/v1/business/route";
import * as slotsRoute from "@/app/api/v1/workers/[ref]/slots/route";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { appointmentsApi as api, bookingScene, shiftTime } from "@/testing/booking";
import { fixClock } from "@/testing/clock";
import { makeAppointment } from "@/testing/fixtures";
import { call } from "@/testing/http";

const NOW = new Date("2026-06-10T08:00:00Z");
fixClock(NOW);

type Scene = Awaited<ReturnType<typeof bookingScene>>;

const DEFAULT_POLICY = {
  minNoticeMinutes: 0,
  cancelCutoffMinutes: 0,
  rescheduleCutoffMinutes: 0,
  maxUpcomingPerClient: null,
};

async function setPolicy(s: Scene, policy: Record<string, unknown>) {
  const res = await call(businessRoute.PATCH, "PATCH", "/api/v1/business", {
    token: s.manager.token,
    body: { policy: { ...DEFAULT_POLICY, ...policy } },
  });
  expect(res.status).toBe(200);
}

async function auditAfter(entityId: string, action: string) {
  const db = await getDb();
  const rows = await db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
  expect(rows).toHaveLength(1);
  return rows[0]?.after as Record<string, unknown>;
}

const at = (s: Scene, minutes: number) => shiftTime(s.shiftStart, minutes).toISOString();
const instant = (start: string | undefined) => start && new Date(start).toISOString();

/** The scene, under the default policy (one database for the file: the last test's may linger). */
async function scene() {
  const s = await bookingScene();
  await setPolicy(s, {});
  return s;
}

describe("the business policy on bookings", () => {
  it("refuses a client's start sooner than the notice; exactly at it is fine", async () => {
    const s = await scene();
    expect(s.shiftStart.getTime() - NOW.getTime()).toBe(60 * 60_000);
    await setPolicy(s, { minNoticeMinutes: 61 });
    const early = await api.create(s.client.token, s.slot(0));
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({
      code: "not_available",
      details: { reason: "min_notice", minNoticeMinutes: 61 },
    });
    await setPolicy(s, { minNoticeMinutes: 60 });
    const exact = await api.create(s.client.token, s.slot(0));
    expect(exact.status).toBe(201);
    expect((await auditAfter(exact.json.id, "appointment.create")).policyOverride).toBeUndefined();
  });

  it("lets staff book inside the notice, audited as an override", async () => {
    const s = await scene();
    await setPolicy(s, { minNoticeMinutes: 600 });
    const res = await api.create(s.admin.token, { ...s.slot(30), client: { name: "Walk-in" } });
    expect(res.status).toBe(201);
    expect((await auditAfter(res.json.id, "appointment.create")).policyOverride).toEqual(["min_notice"]);
  });

  it("offers clients and anonymous callers no start inside the notice; staff see them all", async () => {
    const s = await scene();
    await setPolicy(s, { minNoticeMinutes: 61 });
    const date = NOW.toISOString().slice(0, 10);
    const ask = (token?: string) =>
      call(slotsRoute.GET, "GET", `/api/v1/workers/${s.worker.id}/slots?service=${s.service.id}&date=${date}`, {
        params: { ref: s.worker.id },
        token,
      });
    const first = async (token?: string) => instant((await ask(token)).json.slots[0]?.start);
    expect(await first(s.admin.token)).toBe(at(s, 0));
    expect(await first(s.client.token)).toBe(at(s, 30));
    expect(await first(undefined)).toBe(at(s, 30));
    // The list staff got is remembered; the client's view of it is still cut at the notice.
    expect(await first(s.client.token)).toBe(at(s, 30));
    await setPolicy(s, { minNoticeMinutes: 60 });
    expect(await first(undefined)).toBe(at(s, 0));
    await setPolicy(s, { minNoticeMinutes: 61 });
    const availability = async (token?: string) =>
      (
        await call(availabilityRoute.GET, "GET", `/api/v1/availability?service=${s.service.id}&date=${date}`, {
          token,
        })
      ).json.items.find((i: { worker: { id: string } }) => i.worker.id === s.worker.id)?.slots[0]?.start;
    const availabilityFirst = async (token?: string) => instant(await availability(token));
    expect(await availabilityFirst(s.client.token)).toBe(at(s, 30));
    expect(await availabilityFirst(s.manager.token)).toBe(at(s, 0));
  });

  it("refuses a client's move to a start inside the notice", async () => {
    const s = await scene();
    const booked = await api.create(s.client.token, s.slot(120));
    await setPolicy(s, { minNoticeMinutes: 90 });
    const moved = await api.patch(s.client.token, booked.json.id, { start: at(s, 0) });
    expect(moved.status).toBe(409);
    expect(moved.json.error.details).toMatchObject({ reason: "min_notice", minNoticeMinutes: 90 });
    expect((await api.patch(s.client.token, booked.json.id, { start: at(s, 30) })).status).toBe(200);
  });
});

describe("the cut-offs", () => {
  it("refuses a client's cancellation past the cut-off; exactly at it is fine", async () => {
    const s = await scene();
    const [first, second] = [await api.create(s.client.token, s.slot(0)), await api.create(s.client.token, s.slot(60))];
    await setPolicy(s, { cancelCutoffMinutes: 61 });
    const late = await api.cancel(s.client.token, first.json.id);
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject({ code: "cutoff_passed", details: { cutoffMinutes: 61 } });
    expect((await api.get(s.client.token, first.json.id)).json.status).toBe("booked");
    await setPolicy(s, { cancelCutoffMinutes: 60 });
    expect((await api.cancel(s.client.token, first.json.id)).status).toBe(200);
    expect((await auditAfter(first.json.id, "appointment.cancel")).policyOverride).toBeUndefined();
    // Staff cancel past it, audited.
    await setPolicy(s, { cancelCutoffMinutes: 121 });
    expect((await api.cancel(s.client.token, second.json.id)).json.error?.code).toBe("cutoff_passed");
    expect((await api.cancel(s.admin.token, second.json.id)).status).toBe(200);
    expect((await auditAfter(second.json.id, "appointment.cancel")).policyOverride).toEqual(["cancel_cutoff"]);
  });

  it("refuses a client's reschedule past the cut-off, counted from the current start", async () => {
    const s = await scene();
    const booked = await api.create(s.client.token, s.slot(120));
    await setPolicy(s, { rescheduleCutoffMinutes: 181 });
    const late = await api.patch(s.client.token, booked.json.id, { start: at(s, 240) });
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject({ code: "cutoff_passed", details: { cutoffMinutes: 181 } });
    // Notes alone are no reschedule.
    expect((await api.patch(s.client.token, booked.json.id, { notes: "window seat" })).status).toBe(200);
    await setPolicy(s, { rescheduleCutoffMinutes: 180 });
    const exact = await api.patch(s.client.token, booked.json.id, { start: at(s, 240) });
    expect(exact.status).toBe(200);
    expect((await auditAfter(booked.json.id, "appointment.reschedule")).policyOverride).toBeUndefined();
  });

  it("lets staff reschedule past the cut-off, audited", async () => {
    const s = await scene();
    const booked = await api.create(s.client.token, s.slot(30));
    await setPolicy(s, { rescheduleCutoffMinutes: 1440, minNoticeMinutes: 1440 });
    const moved = await api.patch(s.admin.token, booked.json.id, { start: at(s, 90) });
    expect(moved.status).toBe(200);
    expect((await auditAfter(booked.json.id, "appointment.reschedule")).policyOverride).toEqual([
      "reschedule_cutoff",
      "min_notice",
    ]);
  });
});

describe("the most upcoming appointments per client", () => {
  it("refuses a client's booking past the limit, counting only booked ones still ahead", async () => {
    const s = await scene();
    await setPolicy(s, { maxUpcomingPerClient: 2 });
    const first = await api.create(s.client.token, s.slot(0));
    const second = await api.create(s.client.token, s.slot(60));
    expect([first.status, second.status]).toEqual([201, 201]);
    // One already past does not count.
    await makeAppointment({
      locationId: s.location.id,
      clientId: first.json.client.id,
      startAt: new Date(NOW.getTime() - 120 * 60_000),
      endAt: new Date(NOW.getTime() - 90 * 60_000),
    });
    const third = await api.create(s.client.token, s.slot(120));
    expect(third.status).toBe(409);
    expect(third.json.error).toMatchObject({
      code: "not_available",
      details: { reason: "max_upcoming", maxUpcomingPerClient: 2 },
    });
    // A cancelled one frees its place.
    expect((await api.cancel(s.client.token, second.json.id)).status).toBe(200);
    expect((await api.create(s.client.token, s.slot(120))).status).toBe(201);
    // Staff book past the limit, audited.
    const byStaff = await api.create(s.admin.token, s.slot(180, { clientId: first.json.client.id }));
    expect(byStaff.status).toBe(201);
    expect((await auditAfter(byStaff.json.id, "appointment.create")).policyOverride).toEqual(["max_upcoming"]);
    await setPolicy(s, { maxUpcomingPerClient: null });
    expect((await api.create(s.client.token, s.slot(240))).status).toBe(201);
  });
});
