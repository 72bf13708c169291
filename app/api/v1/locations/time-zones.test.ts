// A location's zone must be one both the runtime (Intl, @date-fns/tz) and the database (AT TIME ZONE)
// understand; Node still accepts old tzdata links that PostgreSQL has dropped. A zone stored before
// this rule must not break the lists that read it.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as appointmentList from "@/app/api/v1/appointments/route";
import * as location from "@/app/api/v1/locations/[ref]/route";
import * as locations from "@/app/api/v1/locations/route";
import * as stats from "@/app/api/v1/stats/appointments-per-day/route";
import { getDb, queryRows } from "@/db/client";
import { makeAppointment, makeLocation, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";

// Links the runtime's ICU still resolves and PostgreSQL's tzdata no longer has.
const DROPPED = ["US/Pacific-New", "Canada/East-Saskatchewan"];
const ZONE_MESSAGE = "Use an IANA time zone such as Europe/Moscow.";

describe("location time zones", () => {
  it("refuses zones the database does not know with 400 validation_failed, on create and on change", async () => {
    const { token } = await userWithToken("manager");
    const db = await getDb();
    const kept = await makeLocation({ timezone: "Europe/Moscow" });
    const count = async () => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from locations`))[0];
    const before = await count();
    for (const timezone of DROPPED) {
      expect(() => new Intl.DateTimeFormat("en", { timeZone: timezone }), "Node accepts it").not.toThrow();
      const created = await call(locations.POST, "POST", "/api/v1/locations", {
        token,
        body: { name: `Old zone ${timezone}`, timezone },
      });
      expect(created.status, timezone).toBe(400);
      expect(created.json.error.code).toBe("validation_failed");
      expect(created.json.error.details.issues).toEqual([{ path: "timezone", message: ZONE_MESSAGE }]);
      const changed = await call(location.PATCH, "PATCH", `/api/v1/locations/${kept.slug}`, {
        token,
        params: { ref: kept.slug },
        body: { timezone },
      });
      expect(changed.status, timezone).toBe(400);
      expect(changed.json.error.details.issues).toEqual([{ path: "timezone", message: ZONE_MESSAGE }]);
    }
    expect(await count()).toEqual(before);
    const [row] = await queryRows<{ timezone: string }>(db, sql`select timezone from locations where id = ${kept.id}`);
    expect(row?.timezone).toBe("Europe/Moscow");
  });

  it("accepts the zones both know", async () => {
    const { token } = await userWithToken("manager");
    const kept = await makeLocation({ timezone: "Europe/Moscow" });
    for (const timezone of ["Europe/Moscow", "America/Los_Angeles", "UTC", "Asia/Kolkata", "Europe/Kyiv"]) {
      const created = await call(locations.POST, "POST", "/api/v1/locations", {
        token,
        body: { name: `Zone ${timezone}`, timezone },
      });
      expect(created.status, timezone).toBe(201);
      expect(created.json.timezone).toBe(timezone);
      const changed = await call(location.PATCH, "PATCH", `/api/v1/locations/${kept.slug}`, {
        token,
        params: { ref: kept.slug },
        body: { timezone },
      });
      expect(changed.status, timezone).toBe(200);
      expect(changed.json.timezone).toBe(timezone);
    }
  });

  it("reads a zone stored before the rule as UTC in the staff lists and stats, instead of failing", async () => {
    const { token } = await userWithToken("admin");
    const db = await getDb();
    const old = await makeLocation({ timezone: "Europe/Moscow" });
    await db.execute(sql`update locations set timezone = 'US/Pacific-New' where id = ${old.id}`);
    // 23:30 UTC on March 2nd: March 2nd read as UTC (it would be 15:30 in Los Angeles, also March 2nd).
    const startAt = new Date("2026-03-02T23:30:00Z");
    const booked = await makeAppointment({ locationId: old.id, startAt, endAt: new Date("2026-03-03T00:00:00Z") });
    const listed = await call(appointmentList.GET, "GET", `/api/v1/appointments?date=2026-03-02&locationId=${old.id}`, {
      token,
    });
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((a: { id: string }) => a.id)).toEqual([booked.id]);
    const ranged = await call(
      appointmentList.GET,
      "GET",
      `/api/v1/appointments?from=2026-03-01&to=2026-03-03&locationId=${old.id}`,
      { token },
    );
    expect(ranged.status).toBe(200);
    expect(ranged.json.items).toHaveLength(1);
    const counted = await call(
      stats.GET,
      "GET",
      `/api/v1/stats/appointments-per-day?from=2026-03-01&to=2026-03-03&locationId=${old.id}`,
      { token },
    );
    expect(counted.status).toBe(200);
    expect(counted.json.items).toEqual([
      { day: "2026-03-01", count: 0 },
      { day: "2026-03-02", count: 1 },
      { day: "2026-03-03", count: 0 },
    ]);
  });
});
