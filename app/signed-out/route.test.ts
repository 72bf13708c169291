import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /signed-out", () => {
  it("has the browser drop this site's caches and storage (the offline day included), then go home", async () => {
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("clear-site-data")).toBe('"cache", "storage"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toContain('<meta http-equiv="refresh" content="0;url=/">');
  });
});
