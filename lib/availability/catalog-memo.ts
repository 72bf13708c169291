// The catalog part of an availability answer (the service, specialty and location asked for, the
// page of workers performing the service, each worker's public JSON) changes only when the catalog
// does, so each instance keeps it while catalog_version stays the same — the row every catalog write
// bumps (lib/api/catalog-cache.ts). Its slots are never kept: shifts, time off and appointments are
// read on every request.
import type { Executor } from "@/db/client";
import { currentCatalogVersion } from "@/lib/api/catalog-cache";

type Memo = { version: number; entries: Map<string, Promise<unknown>> };

/** Enough for every worker of a large catalog and its pages; past it the memo starts again. */
const MAX_ENTRIES = 20_000;
const memos = new WeakMap<object, Memo>();

export type Remember = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

/**
 * Reads catalog_version (one round trip) and gives what remembers values computed under it.
 * A value is computed after the version is read, so it is never older than that version.
 */
export async function catalogMemo(db: Executor): Promise<Remember> {
  const version = await currentCatalogVersion();
  let memo = memos.get(db);
  if (memo?.version !== version) {
    memo = { version, entries: new Map() };
    memos.set(db, memo);
  }
  const { entries } = memo;
  return <T>(key: string, compute: () => Promise<T>) => {
    let value = entries.get(key) as Promise<T> | undefined;
    if (!value) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      value = compute();
      entries.set(key, value);
      // A failed read is not remembered: the next request tries again.
      value.catch(() => entries.delete(key));
    }
    return value;
  };
}
