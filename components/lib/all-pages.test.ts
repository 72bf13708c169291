import { describe, expect, it } from "vitest";
import { collectPages } from "./all-pages";

describe("collectPages", () => {
  const source = (total: number) => {
    const asked: [number, number][] = [];
    const page = async (offset: number, limit: number) => {
      asked.push([offset, limit]);
      return Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i);
    };
    return { asked, page };
  };

  it("follows the pages until one comes back short: 450 items in three asks", async () => {
    const s = source(450);
    const items = await collectPages(s.page);
    expect(items).toHaveLength(450);
    expect(items.at(-1)).toBe(449);
    expect(s.asked).toEqual([
      [0, 200],
      [200, 200],
      [400, 200],
    ]);
  });

  it("asks once more after a full last page, and once for an empty list", async () => {
    const full = source(400);
    expect(await collectPages(full.page)).toHaveLength(400);
    expect(full.asked).toHaveLength(3);
    const empty = source(0);
    expect(await collectPages(empty.page)).toEqual([]);
    expect(empty.asked).toEqual([[0, 200]]);
  });

  it("throws instead of returning a partial list when the pages never end", async () => {
    await expect(collectPages(source(10_000).page, { limit: 10, maxPages: 3 })).rejects.toThrow(/More than 3 pages/);
  });
});
