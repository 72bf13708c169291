// A calendar-feed token is compared in constant time; any wrong token, whatever its bytes, is a 404.
import { describe, expect, it } from "vitest";
import * as feed from "@/app/api/v1/workers/[ref]/calendar.ics/route";
import * as token from "@/app/api/v1/workers/[ref]/calendar-token/route";
import { bookingScene } from "@/testing/booking";
import { call } from "@/testing/http";

const workerFeed = (ref: string, feedToken: string) =>
  call(feed.GET, "GET", `/api/v1/workers/${ref}/calendar.ics?token=${encodeURIComponent(feedToken)}`, {
    params: { ref },
  });

describe("calendar-feed token", () => {
  it("answers 404, not 500, to a wrong token of the right length in characters but not in bytes", async () => {
    const s = await bookingScene();
    const issued = await call(token.GET, "GET", "/x", { token: s.admin.token, params: { ref: s.worker.slug } });
    const real: string = issued.json.token;
    expect((await workerFeed(s.worker.slug, real)).status).toBe(200);
    for (const wrong of [`${"é".repeat(real.length)}`, `${real.slice(1)}ж`, `${real.slice(2)}😀`, "", "x"]) {
      const res = await workerFeed(s.worker.slug, wrong);
      expect(res.status, wrong).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
  });
});
