// The response shapes the OpenAPI description gives are the ones the handlers answer with: every
// field described is present with its type, and no field is answered that the description leaves out.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as audit from "@/app/api/v1/audit/route";
import * as clients from "@/app/api/v1/clients/route";
import * as stats from "@/app/api/v1/stats/appointments-per-day/route";
import * as users from "@/app/api/v1/users/route";
import * as calendarToken from "@/app/api/v1/workers/[ref]/calendar-token/route";
import { zonedDateOf } from "@/lib/time/zoned";
import { appointmentsApi, bookingScene } from "@/testing/booking";
import { call } from "@/testing/http";
import { appointmentSchema, auditEntrySchema, calendarTokenSchema, clientSchema, dayCountsSchema, userSchema } from ".";

function expectShape(schema: z.ZodObject, value: unknown) {
  const parsed = schema.safeParse(value);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  expect(Object.keys(value as object).sort()).toEqual(Object.keys(schema.shape).sort());
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
});
