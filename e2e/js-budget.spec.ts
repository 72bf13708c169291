import type { Browser } from "@playwright/test";
import { createRoom, createWorker, localDays } from "./catalog";
import { expect, test } from "./fixtures";

// The public pages ship at most 150 kB of compressed JavaScript on a first, uncached load. Measured in
// the browser from its resource timings: every script the page fetched, by its encoded (gzipped) size.
const BUDGET_BYTES = 150 * 1024;

type Script = { url: string; encoded: number; decoded: number };

/** Loads `path` in a fresh context (empty cache) and returns the scripts it fetched. */
async function scriptsOf(browser: Browser, baseURL: string, path: string): Promise<Script[]> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await page.goto(path, { waitUntil: "networkidle" });
    return await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => e.initiatorType === "script" || new URL(e.name).pathname.endsWith(".js"))
        .map((e) => ({ url: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
    );
  } finally {
    await context.close();
  }
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

// One browser size is enough: the bundles do not depend on the viewport.
test("the public pages ship at most 150 kB of gzipped JavaScript on first load", async ({
  browser,
  page,
  baseURL,
  isMobile,
}) => {
  test.skip(isMobile, "measured once, at desktop size");
  test.setTimeout(90_000);
  const [worker, room] = await Promise.all([createWorker(page.request, "budget"), createRoom(page.request)]);
  const { tomorrow } = localDays();
  const start = encodeURIComponent(`${tomorrow}T10:00:00+03:00`);
  // Every public page, /book with a slot chosen and service-first, and a room's page included.
  const pages = [
    "/",
    `/workers/${worker.slug}`,
    "/rooms",
    `/book?worker=${worker.slug}&service=${worker.service.slug}&start=${start}`,
    `/book?service=${worker.service.slug}`,
    `/rooms/${room.slug}`,
  ];
  const report: string[] = [];
  const over: string[] = [];
  for (const path of pages) {
    const scripts = await scriptsOf(browser, baseURL as string, path);
    expect(scripts.length, `scripts of ${path}`).toBeGreaterThan(0);
    const encoded = scripts.reduce((sum, s) => sum + s.encoded, 0);
    const decoded = scripts.reduce((sum, s) => sum + s.decoded, 0);
    // The server compresses scripts: the budget is of what goes over the wire.
    expect(encoded, `scripts of ${path} are sent compressed`).toBeLessThan(decoded);
    report.push(`${path}: ${scripts.length} scripts, ${kB(encoded)} gzipped (${kB(decoded)} uncompressed)`);
    if (encoded > BUDGET_BYTES) over.push(`${path}: ${kB(encoded)}`);
  }
  console.log(report.join("\n"));
  expect(over, `pages over ${kB(BUDGET_BYTES)} of gzipped JavaScript`).toEqual([]);
});
