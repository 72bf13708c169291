import { apiFetch, query } from "./api-client";

/** The API's largest page (API.md "Conventions": `limit` max 200). */
export const PAGE_LIMIT = 200;

/**
 * Every item of a paged list: asks page after page (`offset` += the page size) until a page comes
 * back short, so a busy day is never cut off at a silent cap. `maxPages` only stops a runaway loop
 * (200 000 items at the default), and then it throws rather than show a partial list as whole.
 */
export async function collectPages<T>(
  page: (offset: number, limit: number) => Promise<T[]>,
  { limit = PAGE_LIMIT, maxPages = 1000 }: { limit?: number; maxPages?: number } = {},
): Promise<T[]> {
  const items: T[] = [];
  for (let n = 0; n < maxPages; n++) {
    const batch = await page(n * limit, limit);
    items.push(...batch);
    if (batch.length < limit) return items;
  }
  throw new Error(`More than ${maxPages} pages of ${limit}`);
}

/** GET every item of an `{ items }` list of /api/v1 with these filters, all pages. */
export function fetchAllItems<T>(
  path: string,
  params: Record<string, string | number | undefined | null>,
  signal?: AbortSignal,
): Promise<T[]> {
  return collectPages((offset, limit) =>
    apiFetch<{ items: T[] }>(`${path}${query({ ...params, limit, offset })}`, { signal }).then((r) => r.items),
  );
}
