// The response shapes the OpenAPI description gives are the ones the handlers answer with: every
// field described is present with its type, and no field is answered that the description leaves out.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as audit from "@/app/api/v1/audit/route";
import * as availability from "@/app/api/v1/availability/route";
import * as business from "@/app/api/v1/business/route";
import * as clients from "@/app/api/v1/clients/route";
import * as locationSchedule from "@/app/api/v1/locations/[ref]/schedule/route";
import * as locations from "@/app/api/v1/locations/route";
import * as services from "@/app/api/v1/services/route";
import * as specialties from "@/app/api/v1/specialties/route";
import * as stats from "@/app/api/v1/stats/appointments-per-day/route";
import * as users from "@/app/api/v1/users/route";
import * as calendarToken from "@/app/api/v1/workers/[ref]/calendar-token/route";
import * as worker from "@/app/api/v1/workers/[ref]/route";
import * as workerSchedule from "@/app/api/v1/workers/[ref]/schedule/route";
import * as shifts from "@/app/api/v1/workers/[ref]/shifts/route";
import * as slots from "@/app/api/v1/workers/[ref]/slots/route";
import * as timeOff from "@/app/api/v1/workers/[ref]/time-off/route";
import * as weeklySchedule from "@/app/api/v1/workers/[ref]/weekly-schedule/route";
import { zonedDateOf } from "@/lib/time/zoned";
import { appointmentsApi, bookingScene } from "@/testing/booking";
import { call } from "@/testing/http";
import {
  appliedWeeklyScheduleSchema,
  appointmentSchema,
  auditEntrySchema,
  availabilitySchema,
  businessSchema,
  calendarTokenSchema,
  clientSchema,
  dayCountsSchema,
  locationDaySchema,
  locationSchema,
  serviceSchema,
  shiftSchema,
  slotsSchema,
  specialtySchema,
  timeOffSchema,
  userSchema,
  weeklyScheduleSchema,
  workerDaySchema,
  workerSchema,
} from ".";

/** `value` parses and has exactly the schema's fields, but for `staffOnly` ones an anonymous reader is not shown. */
function expectShape(schema: z.ZodObject, value: unknown, staffOnly: readonly string[] = []) {
  const parsed = schema.safeParse(value);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  const fields = Object.keys(schema.shape).filter((key) => !staffOnly.includes(key));
  expect(Object.keys(value as object).sort()).toEqual(fields.sort());
}

describe("described response shapes", () => {
  it("match what the people, booking and report endpoints answer", async () => {
    const scene = await bookingScene();
    const desk = scene.admin.token;
    const manager = scene.manager.token;

    const client = await call(clients.POST, "POST", "/api/v1/clients", {
      token: desk,
      body: { name: "Вера Шарова", phone: "+7 900 123 45 67", email: "vera@example.test", birthDate: "1990-05-01" },
    });
    expect(client.status).toBe(201);
    expectShape(clientSchema, client.json);

    const booked = await appointmentsApi.create(desk, scene.slot(0, { clientId: client.json.id, notes: "first" }));
    expect(booked.status).toBe(201);
    expectShape(appointmentSchema, booked.json);
    expectShape(appointmentSchema.shape.client, booked.json.client);
    const cancelled = await appointmentsApi.cancel(desk, booked.json.id);
    expectShape(appointmentSchema, cancelled.json);
    expect(cancelled.json.cancelledAt).not.toBeNull();

    const list = await call(users.GET, "GET", "/api/v1/users", { token: manager });
    expect(list.json.items.length).toBeGreaterThan(0);
    for (const user of list.json.items) expectShape(userSchema, user);

    const log = await call(audit.GET, "GET", "/api/v1/audit?entity=appointment", { token: manager });
    expect(log.json.items.map((e: { action: string }) => e.action)).toEqual([
      "appointment.cancel",
      "appointment.create",
    ]);
    for (const entry of log.json.items) expectShape(auditEntrySchema, entry);
    expectShape(auditEntrySchema.shape.actor.unwrap(), log.json.items[0].actor);

    const day = zonedDateOf(scene.shiftStart, scene.location.timezone);
    const counts = await call(stats.GET, "GET", `/api/v1/stats/appointments-per-day?from=${day}&to=${day}`, {
      token: desk,
    });
    expectShape(dayCountsSchema, counts.json);
    expect(counts.json.items).toEqual([{ day, count: 0 }]);

    const feed = await call(calendarToken.GET, "GET", `/api/v1/workers/${scene.worker.slug}/calendar-token`, {
      token: desk,
      params: { ref: scene.worker.slug },
    });
    expectShape(calendarTokenSchema, feed.json);
  });

  it("match what the catalog, schedule, slot and business endpoints answer", async () => {
    const scene = await bookingScene();
    const manager = scene.manager.token;
    const ref = scene.worker.slug;
    const day = zonedDateOf(scene.shiftStart, scene.location.timezone);

    const specialty = await call(specialties.POST, "POST", "/api/v1/specialties", {
      token: manager,
      body: { name: "Массаж" },
    });
    expect(specialty.status).toBe(201);
    expectShape(specialtySchema, specialty.json);
    for (const [route, schema, path] of [
      [locations, locationSchema, "/api/v1/locations"],
      [services, serviceSchema, "/api/v1/services"],
      [specialties, specialtySchema, "/api/v1/specialties"],
    ] as const) {
      const list = await call(route.GET, "GET", path);
      expect(list.json.items.length).toBeGreaterThan(0);
      for (const item of list.json.items) expectShape(schema, item);
    }

    // The linked user account is shown to staff only.
    const found = await call(worker.GET, "GET", `/api/v1/workers/${ref}`, { params: { ref } });
    expectShape(workerSchema, found.json, ["userId"]);
    const foundByStaff = await call(worker.GET, "GET", `/api/v1/workers/${ref}`, { token: manager, params: { ref } });
    expectShape(workerSchema, foundByStaff.json);
    expectShape(locationSchema, found.json.location);
    expectShape(serviceSchema, found.json.services[0]);

    const range = `from=${day}&to=${day}`;
    const shiftList = await call(shifts.GET, "GET", `/api/v1/workers/${ref}/shifts?${range}`, { params: { ref } });
    expect(shiftList.json.items).toHaveLength(1);
    expectShape(shiftSchema, shiftList.json.items[0]);

    const away = await call(timeOff.POST, "POST", `/api/v1/workers/${ref}/time-off`, {
      token: manager,
      params: { ref },
      body: { start: scene.slot(0).start, end: scene.slot(30).start, reason: "lunch" },
    });
    expect(away.status).toBe(201);
    expectShape(timeOffSchema, away.json);

    const workerDay = await call(workerSchedule.GET, "GET", `/api/v1/workers/${ref}/schedule?date=${day}`, {
      params: { ref },
    });
    expectShape(workerDaySchema, workerDay.json);
    expectShape(workerDaySchema.shape.shifts.element, workerDay.json.shifts[0]);
    const where = scene.location.slug;
    const locationDay = await call(locationSchedule.GET, "GET", `/api/v1/locations/${where}/schedule?date=${day}`, {
      params: { ref: where },
    });
    expectShape(locationDaySchema, locationDay.json);
    expectShape(locationDaySchema.shape.shifts.element, locationDay.json.shifts[0]);

    const service = scene.service.slug;
    const free = await call(slots.GET, "GET", `/api/v1/workers/${ref}/slots?service=${service}&from=${day}&to=${day}`, {
      params: { ref },
    });
    expectShape(slotsSchema, free.json);
    expect(free.json.slots.length).toBeGreaterThan(0);
    const offered = await call(availability.GET, "GET", `/api/v1/availability?service=${service}&date=${day}`);
    expectShape(availabilitySchema, offered.json);
    expectShape(workerSchema, offered.json.items[0].worker, ["userId"]);

    const recipe = { locationId: scene.location.id, from: "2030-01-07", until: "2030-01-13", rules: [] };
    const applied = await call(weeklySchedule.PUT, "PUT", `/api/v1/workers/${ref}/weekly-schedule`, {
      token: manager,
      params: { ref },
      body: { ...recipe, rules: [{ weekday: 1, start: "09:00", end: "18:00" }] },
    });
    expect(applied.status).toBe(200);
    expectShape(appliedWeeklyScheduleSchema, applied.json);
    expectShape(shiftSchema, applied.json.shifts[0]);
    const stored = await call(weeklySchedule.GET, "GET", `/api/v1/workers/${ref}/weekly-schedule`, { params: { ref } });
    expectShape(weeklyScheduleSchema, stored.json);

    expectShape(businessSchema, (await call(business.GET, "GET", "/api/v1/business")).json);
  });
});
