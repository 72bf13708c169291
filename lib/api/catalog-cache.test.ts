import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as locationItem from "@/app/api/v1/locations/[ref]/route";
import * as locationList from "@/app/api/v1/locations/route";
import * as serviceList from "@/app/api/v1/services/route";
import { GET as slots } from "@/app/api/v1/workers/[ref]/slots/route";
import * as workerList from "@/app/api/v1/workers/route";
import { getDb } from "@/db/client";
import { locations, workerServices } from "@/db/schema";
import { catalogApi, withCallers } from "@/testing/catalog";
import { makeLocation, makeService, makeWorker } from "@/testing/fixtures";
import { call } from "@/testing/http";

const callers = withCallers();
const api = catalogApi("locations", locationList, locationItem, callers);
const names = (res: { json: { items: { name: string }[] } }) => res.json.items.map((i) => i.name);

describe("catalog caching", () => {
  it("answers with an ETag and 304 Not Modified while nothing changed", async () => {
    const location = await makeLocation({ name: "Cached place" });
    const first = await api.get(location.slug);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const again = await call(locationItem.GET, "GET", `/api/v1/locations/${location.slug}`, {
      params: { ref: location.slug },
      headers: { "if-none-match": etag ?? "" },
    });
    expect(again.status).toBe(304);
    expect(again.json).toBeNull();
    expect(again.headers.get("etag")).toBe(etag);
  });

  it("sees a change made through the API at once, and the old ETag no longer matches", async () => {
    const location = await makeLocation({ name: "Before" });
    const before = await api.get(location.id);
    expect((await api.patch(location.id, { name: "After" })).status).toBe(200);
    const after = await call(locationItem.GET, "GET", `/api/v1/locations/${location.id}`, {
      params: { ref: location.id },
      headers: { "if-none-match": before.headers.get("etag") ?? "" },
    });
    expect(after.status).toBe(200);
    expect(after.json.name).toBe("After");
  });

  it("never serves what another instance changed in the database since", async () => {
    const location = await makeLocation({ name: "Shared row" });
    expect(names(await api.list())).toContain("Shared row");
    // Another app instance (or a script) writes straight to the database, not through this process.
    const db = await getDb();
    await db.update(locations).set({ name: "Renamed elsewhere" }).where(eq(locations.id, location.id));
    expect(names(await api.list())).toContain("Renamed elsewhere");
    await db.delete(locations).where(eq(locations.id, location.id));
    expect(names(await api.list())).not.toContain("Renamed elsewhere");
    expect((await api.get(location.id)).status).toBe(404);
  });

  it("sees a worker's services change, a write to another table", async () => {
    const service = await makeService({ name: "Cut" });
    const worker = await makeWorker({ name: "Cache Worker" }, [service.id]);
    const list = () => call(workerList.GET, "GET", `/api/v1/workers?service=${service.id}`);
    expect(names(await list())).toEqual(["Cache Worker"]);
    const db = await getDb();
    await db.delete(workerServices).where(eq(workerServices.workerId, worker.id));
    expect(names(await list())).toEqual([]);
  });

  it("keeps what managers see apart from what everyone else sees", async () => {
    await makeService({ name: "Retired", active: false });
    const query = "/api/v1/services?includeInactive=true&limit=200";
    const manager = await call(serviceList.GET, "GET", query, { token: callers.manager });
    const anyone = await call(serviceList.GET, "GET", query);
    expect(names(manager)).toContain("Retired");
    expect(names(anyone)).not.toContain("Retired");
    const managerAgain = await call(serviceList.GET, "GET", query, { token: callers.manager });
    expect(names(managerAgain)).toContain("Retired");
  });

  it("never lets slots be cached", async () => {
    const service = await makeService();
    const worker = await makeWorker({}, [service.id]);
    const res = await call(slots, "GET", `/api/v1/workers/${worker.id}/slots?service=${service.id}`, {
      params: { ref: worker.id },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("etag")).toBeNull();
  });
});
