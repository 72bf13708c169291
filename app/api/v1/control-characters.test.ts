// Control characters in names, codes and searches are refused by every family of schemas
// (lib/validation/*) with 400 validation_failed naming the field, and nothing is written. Free text
// (notes, reasons, descriptions) keeps its line breaks but not the other controls.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as appointments from "@/app/api/v1/appointments/route";
import * as audit from "@/app/api/v1/audit/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as availability from "@/app/api/v1/availability/route";
import * as clients from "@/app/api/v1/clients/route";
import * as location from "@/app/api/v1/locations/[ref]/route";
import * as locations from "@/app/api/v1/locations/route";
import * as services from "@/app/api/v1/services/route";
import * as specialties from "@/app/api/v1/specialties/route";
import * as stats from "@/app/api/v1/stats/appointments-per-day/route";
import * as users from "@/app/api/v1/users/route";
import * as feed from "@/app/api/v1/workers/[ref]/calendar.ics/route";
import * as worker from "@/app/api/v1/workers/[ref]/route";
import * as timeOff from "@/app/api/v1/workers/[ref]/time-off/route";
import * as workers from "@/app/api/v1/workers/route";
import { getDb, queryRows } from "@/db/client";
import { CONTROL_MESSAGE, TEXT_CONTROL_MESSAGE } from "@/lib/validation/common";
import { bookingScene } from "@/testing/booking";
import { call } from "@/testing/http";

type Handler = Parameters<typeof call>[0];
type Case = {
  family: string;
  handler: Handler;
  method: string;
  url: string;
  as: "manager" | "admin" | "client" | "anyone";
  body?: unknown;
  params?: Record<string, string>;
  /** The issue's path and message. */
  path: string;
  message?: string;
};

const TABLES = ["locations", "services", "specialties", "workers", "clients", "users", "appointments", "time_off"];

async function counts() {
  const db = await getDb();
  const rows = await Promise.all(
    TABLES.map((table) => queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`)),
  );
  return Object.fromEntries(TABLES.map((table, i) => [table, rows[i]?.[0]?.n]));
}

describe("control characters in requests", () => {
  it("answer 400 validation_failed for the field in every schema family, and change nothing", async () => {
    const s = await bookingScene();
    const start = s.slot(0).start;
    const cases: Case[] = [
      {
        family: "catalog",
        handler: locations.POST,
        method: "POST",
        url: "/api/v1/locations",
        as: "manager",
        body: { name: "Clinic\r\nX-Forged: 1", timezone: "UTC" },
        path: "name",
      },
      {
        family: "catalog",
        handler: locations.POST,
        method: "POST",
        url: "/api/v1/locations",
        as: "manager",
        body: { name: "Clinic", timezone: "Europe/Moscow\n" },
        path: "timezone",
      },
      {
        family: "catalog",
        handler: locations.POST,
        method: "POST",
        url: "/api/v1/locations",
        as: "manager",
        body: { name: "Clinic", timezone: "UTC", address: "Main St\n1" },
        path: "address",
      },
      {
        family: "catalog",
        handler: location.PATCH,
        method: "PATCH",
        url: "/api/v1/locations/x",
        as: "manager",
        params: { ref: s.location.slug },
        body: { description: "Ground floor\u0000" },
        path: "description",
        message: TEXT_CONTROL_MESSAGE,
      },
      {
        family: "catalog",
        handler: services.POST,
        method: "POST",
        url: "/api/v1/services",
        as: "manager",
        body: { name: "Massage", durationMinutes: 30, price: 10, currency: "RUB\t" },
        path: "currency",
      },
      {
        family: "catalog",
        handler: specialties.POST,
        method: "POST",
        url: "/api/v1/specialties",
        as: "manager",
        body: { name: "Dentist", slug: "dentist\u001b" },
        path: "slug",
      },
      {
        family: "catalog",
        handler: worker.PATCH,
        method: "PATCH",
        url: "/api/v1/workers/x",
        as: "manager",
        params: { ref: s.worker.id },
        body: { name: "Anna\u0085Smirnova" },
        path: "name",
      },
      {
        family: "catalog",
        handler: workers.GET,
        method: "GET",
        url: "/api/v1/workers?q=anna%0A",
        as: "anyone",
        path: "q",
      },
      {
        family: "catalog",
        handler: location.GET,
        method: "GET",
        url: "/api/v1/locations/x",
        as: "anyone",
        params: { ref: "clinic\r\n" },
        path: "ref",
      },
      {
        family: "clients",
        handler: clients.POST,
        method: "POST",
        url: "/api/v1/clients",
        as: "admin",
        body: { name: "Ivan", phone: "+7 999 000\n" },
        path: "phone",
      },
      {
        family: "clients",
        handler: clients.POST,
        method: "POST",
        url: "/api/v1/clients",
        as: "admin",
        body: { name: "Ivan", email: "ivan\u007f@example.test" },
        path: "email",
      },
      {
        family: "clients",
        handler: clients.GET,
        method: "GET",
        url: "/api/v1/clients?q=%1B%5B2J",
        as: "admin",
        path: "q",
      },
      {
        family: "users",
        handler: users.POST,
        method: "POST",
        url: "/api/v1/users",
        as: "manager",
        body: { email: "new-admin@example.test", password: "long-enough-pass", name: "Admin\r", role: "admin" },
        path: "name",
      },
      { family: "users", handler: users.GET, method: "GET", url: "/api/v1/users?q=a%09b", as: "manager", path: "q" },
      {
        family: "auth",
        handler: register.POST,
        method: "POST",
        url: "/api/v1/auth/register",
        as: "anyone",
        body: { email: "new@example.test", password: "long-enough-pass", name: "New\nClient" },
        path: "name",
      },
      {
        family: "appointments",
        handler: appointments.POST,
        method: "POST",
        url: "/api/v1/appointments",
        as: "admin",
        body: { workerId: s.worker.id, serviceId: s.service.id, start, client: { name: "Walk\u0000in" } },
        path: "client.name",
      },
      {
        family: "appointments",
        handler: appointments.POST,
        method: "POST",
        url: "/api/v1/appointments",
        as: "client",
        body: { ...s.slot(0), notes: "Ring\u0007 twice" },
        path: "notes",
        message: TEXT_CONTROL_MESSAGE,
      },
      {
        family: "appointments",
        handler: feed.GET,
        method: "GET",
        url: "/api/v1/workers/x/calendar.ics?token=a%0D",
        as: "anyone",
        params: { ref: s.worker.slug },
        path: "token",
      },
      {
        family: "schedules",
        handler: timeOff.POST,
        method: "POST",
        url: "/api/v1/workers/x/time-off",
        as: "manager",
        params: { ref: s.worker.id },
        body: { start, end: new Date(Date.parse(start) + 3_600_000).toISOString(), reason: "Flu\r" },
        path: "reason",
        message: TEXT_CONTROL_MESSAGE,
      },
      {
        family: "availability",
        handler: availability.GET,
        method: "GET",
        url: `/api/v1/availability?service=${s.service.slug}%0A`,
        as: "anyone",
        path: "service",
      },
      {
        family: "stats",
        handler: stats.GET,
        method: "GET",
        url: "/api/v1/stats/appointments-per-day?from=2026-01-01&to=2026-01-02&workerId=anna%0A",
        as: "admin",
        path: "workerId",
      },
      {
        family: "audit",
        handler: audit.GET,
        method: "GET",
        url: "/api/v1/audit?entity=user%0A",
        as: "manager",
        path: "entity",
      },
    ];
    const tokens = { manager: s.manager.token, admin: s.admin.token, client: s.client.token, anyone: undefined };
    const before = await counts();
    for (const c of cases) {
      const res = await call(c.handler, c.method, c.url, { token: tokens[c.as], body: c.body, params: c.params });
      const label = `${c.family}: ${c.method} ${c.url} ${c.path}`;
      expect(res.status, label).toBe(400);
      expect(res.json.error.code, label).toBe("validation_failed");
      expect(res.json.error.details.issues, label).toContainEqual({
        path: c.path,
        message: c.message ?? CONTROL_MESSAGE,
      });
    }
    expect(await counts()).toEqual(before);
    const db = await getDb();
    const [kept] = await queryRows<{ name: string }>(db, sql`select name from workers where id = ${s.worker.id}`);
    expect(kept?.name).toBe(s.worker.name);
  });

  it("free text keeps its line breaks and tabs", async () => {
    const s = await bookingScene();
    const notes = "Ring twice\r\nSecond floor,\tdoor 3\nThanks";
    const res = await call(appointments.POST, "POST", "/api/v1/appointments", {
      token: s.client.token,
      body: { ...s.slot(0), notes },
    });
    expect(res.status).toBe(201);
    expect(res.json.notes).toBe(notes);
  });
});
