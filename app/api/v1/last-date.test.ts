// Found by the fuzz test: the day 9999-12-31 has no next day the database can store, so lists and
// day views that read a date up to its end answered 500. Dates run to 9998-12-31 (lib/validation/
// common.ts); the last accepted day works everywhere and the day after is a 400.
import { describe, expect, it } from "vitest";
import { GET as availability } from "@/app/api/v1/availability/route";
import { GET as locationSchedule } from "@/app/api/v1/locations/[ref]/schedule/route";
import { GET as workerSchedule } from "@/app/api/v1/workers/[ref]/schedule/route";
import { GET as shifts } from "@/app/api/v1/workers/[ref]/shifts/route";
import { GET as slots } from "@/app/api/v1/workers/[ref]/slots/route";
import { GET as timeOff } from "@/app/api/v1/workers/[ref]/time-off/route";
import { issuePaths } from "@/testing/catalog";
import { makeLocation, makeService, makeWorker } from "@/testing/fixtures";
import { call } from "@/testing/http";

describe("the last calendar day the API accepts", () => {
  it("is read to its end by every list and day view, and the day after is refused", async () => {
    // The zone furthest ahead of UTC: its last local day ends furthest into the next UTC year.
    const location = await makeLocation({ timezone: "Pacific/Kiritimati" });
    const service = await makeService();
    const worker = await makeWorker({ locationId: location.id }, [service.id]);
    const w = { ref: worker.id };
    const cases = [
      [shifts, `/api/v1/workers/${worker.id}/shifts?from=DAY`, w, "from"],
      [shifts, `/api/v1/workers/${worker.id}/shifts?to=DAY`, w, "to"],
      [timeOff, `/api/v1/workers/${worker.id}/time-off?from=DAY`, w, "from"],
      [workerSchedule, `/api/v1/workers/${worker.id}/schedule?date=DAY`, w, "date"],
      [slots, `/api/v1/workers/${worker.id}/slots?service=${service.id}&date=DAY`, w, "date"],
      [locationSchedule, `/api/v1/locations/${location.id}/schedule?date=DAY`, { ref: location.id }, "date"],
      [availability, `/api/v1/availability?service=${service.id}&date=DAY`, {}, "date"],
    ] as const;
    for (const [handler, url, params, field] of cases) {
      const last = await call(handler, "GET", url.replace("DAY", "9998-12-31"), { params });
      expect(last.status, url).toBe(200);
      const after = await call(handler, "GET", url.replace("DAY", "9999-12-31"), { params });
      expect(after.status, url).toBe(400);
      expect(issuePaths(after), url).toEqual([field]);
    }
  });
});
