// A client starts an appointment only where the worker's slot list offers one (409 not_available,
// reason off_grid); staff book any minute.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as slotsRoute from "@/app/api/v1/workers/[ref]/slots/route";
import { getDb } from "@/db/client";
import { workers } from "@/db/schema";
import { appointmentsApi as api, bookingScene, shiftTime } from "@/testing/booking";
import { makeClient, makeLocation } from "@/testing/fixtures";
import { call } from "@/testing/http";

const offGrid = { code: "not_available", details: { reason: "off_grid" } };

describe("off-grid starts", () => {
  it("refuses a client's start between two slots and books the slots themselves", async () => {
    const s = await bookingScene();
    for (const minutes of [7, 29, 31]) {
      const res = await api.create(s.client.token, s.slot(minutes));
      expect(res.status, `+${minutes}`).toBe(409);
      expect(res.json.error).toMatchObject(offGrid);
    }
    expect((await api.create(s.client.token, s.slot(0))).status).toBe(201);
    expect((await api.create(s.client.token, s.slot(30))).status).toBe(201);
  });

  it("lets staff book any minute", async () => {
    const s = await bookingScene();
    const res = await api.create(s.admin.token, s.slot(7, { clientId: (await makeClient()).id }));
    expect(res.status).toBe(201);
  });

  it("steps by the worker's slot step when set", async () => {
    const s = await bookingScene();
    await (await getDb()).update(workers).set({ slotStepMinutes: 15 }).where(eq(workers.id, s.worker.id));
    expect((await api.create(s.client.token, s.slot(15))).status).toBe(201);
    expect((await api.create(s.otherClient.token, s.slot(50))).json.error).toMatchObject(offGrid);
  });

  it("takes the start right after a busy interval that ends off the grid, as the slot list offers it", async () => {
    const s = await bookingScene();
    // Staff book a 45-minute visit from the shift's start: the list then offers +45 and +60.
    const long = await api.create(s.admin.token, {
      ...s.slot(0, { clientId: (await makeClient()).id }),
      end: shiftTime(s.shiftStart, 45).toISOString(),
    });
    expect(long.status).toBe(201);
    const slots = await call(
      slotsRoute.GET,
      "GET",
      `/api/v1/workers/${s.worker.id}/slots?service=${s.service.id}&date=${long.json.start.slice(0, 10)}`,
      { params: { ref: s.worker.id } },
    );
    const offered = slots.json.slots.map((slot: { start: string }) => Date.parse(slot.start));
    expect(offered).toContain(shiftTime(s.shiftStart, 45).getTime());
    expect((await api.create(s.client.token, s.slot(45))).status).toBe(201);
    expect((await api.create(s.otherClient.token, s.slot(80))).json.error).toMatchObject(offGrid);
  });

  it("books every start the slot list offers, re-starts after odd busy intervals included, and no minute beside them", async () => {
    const s = await bookingScene();
    await (await getDb()).update(workers).set({ slotStepMinutes: 20 }).where(eq(workers.id, s.worker.id));
    // Busy intervals ending off the 20-minute grid: a 45-minute visit at +10 and a 25-minute one at +130
    // (and the shift's last half hour).
    // The shift may run past local midnight: the list covers its days.
    const days: string[] = [];
    for (const [from, to] of [
      [10, 55],
      [130, 155],
      [450, 480],
    ] as const) {
      const staff = await api.create(s.admin.token, {
        ...s.slot(from, { clientId: (await makeClient()).id }),
        end: shiftTime(s.shiftStart, to).toISOString(),
      });
      expect(staff.status).toBe(201);
      days.push(staff.json.start.slice(0, 10));
    }
    const list = await call(
      slotsRoute.GET,
      "GET",
      `/api/v1/workers/${s.worker.id}/slots?service=${s.service.id}&from=${days[0]}&to=${days[2]}`,
      { params: { ref: s.worker.id } },
    );
    const offered = new Set<number>(list.json.slots.map((slot: { start: string }) => Date.parse(slot.start)));
    expect(offered).toContain(shiftTime(s.shiftStart, 55).getTime());
    expect(offered).toContain(shiftTime(s.shiftStart, 155).getTime());
    for (const start of offered) {
      const booked = await api.create(s.client.token, { ...s.slot(0), start: new Date(start).toISOString() });
      expect(booked.status, new Date(start).toISOString()).toBe(201);
      expect((await api.cancel(s.client.token, booked.json.id)).status).toBe(200);
      const beside = start + 60_000;
      if (!offered.has(beside)) {
        const refused = await api.create(s.client.token, { ...s.slot(0), start: new Date(beside).toISOString() });
        expect(refused.json.error, new Date(beside).toISOString()).toMatchObject(offGrid);
      }
    }
  });

  it("refuses a client's reschedule off the grid and keeps the appointment where it was", async () => {
    const s = await bookingScene();
    const booked = await api.create(s.client.token, s.slot(60));
    const moved = await api.patch(s.client.token, booked.json.id, { start: shiftTime(s.shiftStart, 97).toISOString() });
    expect(moved.status).toBe(409);
    expect(moved.json.error).toMatchObject(offGrid);
    expect((await api.get(s.client.token, booked.json.id)).json.start).toBe(booked.json.start);
    const onGrid = await api.patch(s.client.token, booked.json.id, {
      start: shiftTime(s.shiftStart, 90).toISOString(),
    });
    expect(onGrid.status).toBe(200);
    // Staff move it to any minute.
    expect(
      (await api.patch(s.admin.token, booked.json.id, { start: shiftTime(s.shiftStart, 97).toISOString() })).status,
    ).toBe(200);
  });

  it("leaves rooms out: they have no shifts to lay a grid over", async () => {
    const s = await bookingScene();
    const room = await makeLocation({ kind: "room" });
    const res = await api.create(s.client.token, {
      locationId: room.id,
      start: shiftTime(s.shiftStart, 7).toISOString(),
      end: shiftTime(s.shiftStart, 52).toISOString(),
    });
    expect(res.status).toBe(201);
  });
});
