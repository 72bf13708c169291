// Found by the fuzz test: an instant bound in a year the database cannot hold (year 0) reached the
// query and answered 500. Every bound of the appointment list is held to the years 1000 to 9998.
import { describe, expect, it } from "vitest";
import { appointmentsApi as api, bookingScene } from "@/testing/booking";
import { issuePaths } from "@/testing/catalog";

describe("GET /appointments: from/to outside the years 1000 to 9998", () => {
  it("answers 400 naming the bound, for instants and dates alike", async () => {
    const s = await bookingScene();
    for (const [query, path] of [
      ["to=0000-01-01T00:00:00Z", "to"],
      ["from=0999-12-31T23:59:59Z", "from"],
      ["to=9999-12-31T23:00:00-05:00", "to"],
      ["from=0000-01-01", "from"],
    ] as const) {
      const res = await api.list(s.admin.token, encodeURI(query).replace("+", "%2B"));
      expect(res.status, query).toBe(400);
      expect(res.json.error.code, query).toBe("validation_failed");
      expect(issuePaths(res), query).toEqual([path]);
    }
  });

  it("still lists by the earliest and latest instants it accepts", async () => {
    const s = await bookingScene();
    const booked = await api.create(s.admin.token, s.slot(0, { client: { name: "Early Bird" } }));
    expect(booked.status).toBe(201);
    const res = await api.list(s.admin.token, "from=1000-01-01T00:00:00Z&to=9998-12-31T23:59:59Z");
    expect(res.status).toBe(200);
    expect(res.json.items.map((a: { id: string }) => a.id)).toEqual([booked.json.id]);
  });
});
