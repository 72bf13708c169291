// GET /business (anyone) and PATCH /business (manager): the one business row, its defaults before
// it is set up, and the location zone it gives (API.md v1 extensions "Business profile and policies").
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as locationsRoute from "@/app/api/v1/locations/route";
import { getDb } from "@/db/client";
import { auditLog, business } from "@/db/schema";
import { BUSINESS_DEFAULTS } from "@/lib/contract/business";
import { userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";
import * as route from "./route";

const get = (token?: string) => call(route.GET, "GET", "/api/v1/business", { token });
const patch = (token: string | undefined, body: unknown) =>
  call(route.PATCH, "PATCH", "/api/v1/business", { token, body });
const createLocation = (token: string, body: unknown) =>
  call(locationsRoute.POST, "POST", "/api/v1/locations", { token, body });

// One file, one database: the tests run in order, from a business that was never set up.
describe("the business profile and policies", () => {
  it("answers API.md's defaults to anyone before it is set up, and a location made meanwhile is in UTC", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      name: "Slotwise",
      logoUrl: null,
      phone: null,
      email: null,
      website: null,
      address: null,
      defaultTimezone: "UTC",
      currency: "RUB",
      policy: {
        minNoticeMinutes: 0,
        cancelCutoffMinutes: 0,
        rescheduleCutoffMinutes: 0,
        maxUpcomingPerClient: null,
        allowClientOverlap: false,
        reminderOffsetsMinutes: [1440, 120],
      },
    });
    const manager = await userWithToken("manager");
    const location = await createLocation(manager.token, { name: "Before setup" });
    expect(location.status).toBe(201);
    expect(location.json.timezone).toBe("UTC");
  });

  it("lets only a manager change it", async () => {
    const [client, admin] = await Promise.all([userWithToken("client"), userWithToken("admin")]);
    expect((await patch(undefined, { name: "X" })).status).toBe(401);
    expect((await patch(client.token, { name: "X" })).status).toBe(403);
    expect((await patch(admin.token, { name: "X" })).status).toBe(403);
    expect((await get()).json.name).toBe("Slotwise");
  });

  it("changes the fields given, the policy's one by one, audited with before and after", async () => {
    const manager = await userWithToken("manager");
    const res = await patch(manager.token, {
      name: "  Барбершоп «Борода»  ",
      defaultTimezone: "Europe/Moscow",
      website: "https://boroda.example",
      policy: { allowClientOverlap: true, reminderOffsetsMinutes: [60, 2880] },
    });
    expect(res.status).toBe(200);
    const expected = {
      ...BUSINESS_DEFAULTS,
      name: "Барбершоп «Борода»",
      defaultTimezone: "Europe/Moscow",
      website: "https://boroda.example",
      policy: { ...BUSINESS_DEFAULTS.policy, allowClientOverlap: true, reminderOffsetsMinutes: [2880, 60] },
    };
    expect(res.json).toEqual(expected);
    expect((await get()).json).toEqual(expected);
    const second = await patch(manager.token, { policy: { minNoticeMinutes: 120 }, phone: "+7 900 000-00-00" });
    expect(second.json).toEqual({
      ...expected,
      phone: "+7 900 000-00-00",
      policy: { ...expected.policy, minNoticeMinutes: 120 },
    });
    const db = await getDb();
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "business"), eq(auditLog.actorId, manager.user.id)))
      .orderBy(auditLog.id);
    expect(audit).toMatchObject([
      { action: "business.update", entityId: "1", before: BUSINESS_DEFAULTS, after: expected },
      { action: "business.update", before: expected, after: second.json },
    ]);
    expect(await db.select({ id: business.id }).from(business)).toEqual([{ id: 1 }]);
  });

  it("gives a new location without a zone the business's defaultTimezone; one given wins", async () => {
    const manager = await userWithToken("manager");
    const zoned = await createLocation(manager.token, { name: "Default zone" });
    expect(zoned.json.timezone).toBe("Europe/Moscow");
    const given = await createLocation(manager.token, { name: "Own zone", timezone: "Asia/Tokyo" });
    expect(given.json.timezone).toBe("Asia/Tokyo");
  });

  it("refuses bad values with 400 validation_failed and changes nothing", async () => {
    const manager = await userWithToken("manager");
    const before = (await get()).json;
    const bad: [unknown, string][] = [
      [{ defaultTimezone: "Mars/Olympus" }, "defaultTimezone"],
      [{ defaultTimezone: "US/Pacific-New" }, "defaultTimezone"],
      [{ currency: "XX" }, "currency"],
      [{ name: "" }, "name"],
      [{ website: "javascript:alert(1)" }, "website"],
      [{ email: "not-an-email" }, "email"],
      [{ policy: { minNoticeMinutes: -1 } }, "policy.minNoticeMinutes"],
      [{ policy: { cancelCutoffMinutes: 1.5 } }, "policy.cancelCutoffMinutes"],
      [{ policy: { maxUpcomingPerClient: 0 } }, "policy.maxUpcomingPerClient"],
      [{ policy: { allowClientOverlap: "yes" } }, "policy.allowClientOverlap"],
      [{ policy: { reminderOffsetsMinutes: [60, 60] } }, "policy.reminderOffsetsMinutes"],
      [{ policy: { reminderOffsetsMinutes: [0] } }, "policy.reminderOffsetsMinutes.0"],
      [{ policy: { surprise: 1 } }, "policy"],
      [{ id: 2 }, ""],
    ];
    for (const [body, path] of bad) {
      const res = await patch(manager.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
      expect(
        res.json.error.details.issues.map((i: { path: string }) => i.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect((await patch(manager.token, [])).status).toBe(400);
    expect((await get()).json).toEqual(before);
  });
});
