// Slot lists remembered per instance, so that asking for the same worker, service and days again
// costs one small query instead of reading and computing the rows. A list is used again only while
//   - its fingerprint is unchanged: catalog_version and the schedule_versions counters of the worker
//     and of their shifts' locations, which triggers bump in the same transaction as any change to
//     shifts, time off or booked appointments (db/queries/schedule-versions.ts), so a list is never
//     older than the last committed change, whichever instance made it; and
//   - time has not changed it: no slot of it has started yet (a slot starting exactly now still
//     counts), and the local day it was planned on (the horizon, the default days) has not ended
//     (nor has the clock gone back to before it was computed).
import type { Executor } from "@/db/client";
import type { Slots } from "@/lib/contract";

/** A worker's slots as GET /workers/{ref}/slots answers them. */
export type SlotList = Slots;

/**
 * `L`: what is remembered, a slot list or one with more fields (available-days.ts keeps its days
 * with them). Callers keep apart what they remember by their keys.
 */
type Entry<L extends SlotList = SlotList> = {
  list: L;
  /** The schedule_versions keys the fingerprint covers. */
  keys: readonly string[];
  fingerprint: string;
  /** The instants (ms) between which time alone does not change the list: [computedAt, expiresAt). */
  computedAt: number;
  expiresAt: number;
};

/**
 * Room for the busy workers of a large business, bounded by the slots kept (a 62-day list holds a
 * thousand or more): about 30 MB at the most. Past it the oldest entries go first.
 */
const MAX_SLOTS = 250_000;
type Store = { entries: Map<string, Entry>; slots: number };
// Per database handle: two databases (tests) may well have equal fingerprints.
const stores = new WeakMap<object, Store>();
// Each remembered list to its entry, so that whoever answers with it can say what it holds on.
const entriesOfLists = new WeakMap<object, Entry>();

const storeOf = (db: Executor) => {
  let store = stores.get(db);
  if (!store) {
    store = { entries: new Map(), slots: 0 };
    stores.set(db, store);
  }
  return store;
};

function forget(store: Store, key: string) {
  const entry = store.entries.get(key);
  if (!entry) return;
  store.entries.delete(key);
  store.slots -= entry.list.slots.length + 1;
}

/** The remembered entry for `key` unless time has changed it; its fingerprint is for the caller to check. */
export function recallSlotList<L extends SlotList = SlotList>(
  db: Executor,
  key: string,
  now: Date,
): Entry<L> | undefined {
  const entry = storeOf(db).entries.get(key);
  const ms = now.getTime();
  // What was remembered under `key` is what its caller remembers there.
  return entry && entry.computedAt <= ms && ms < entry.expiresAt ? (entry as Entry<L>) : undefined;
}

/** Remembers a list computed at `now` from rows read together with `fingerprint`. */
export function rememberSlotList<L extends SlotList>(
  db: Executor,
  key: string,
  entry: Omit<Entry<L>, "computedAt" | "expiresAt"> & { now: Date; dayEnds: readonly Date[] },
) {
  const firstStart = entry.list.slots[0] ? Date.parse(entry.list.slots[0].start) : Number.POSITIVE_INFINITY;
  const expiresAt = Math.min(firstStart + 1, ...entry.dayEnds.map((d) => d.getTime()));
  const computedAt = entry.now.getTime();
  if (computedAt >= expiresAt) return;
  const store = storeOf(db);
  forget(store, key);
  const kept = { list: entry.list, keys: entry.keys, fingerprint: entry.fingerprint, computedAt, expiresAt };
  store.entries.set(key, kept);
  entriesOfLists.set(entry.list, kept);
  // An empty list still takes room: counted as one slot.
  store.slots += entry.list.slots.length + 1;
  // Oldest first (a Map keeps insertion order).
  for (const oldest of store.entries.keys()) {
    if (store.slots <= MAX_SLOTS) break;
    forget(store, oldest);
  }
}

/**
 * What a list stays right by, when it is a remembered one: its fingerprint's keys and value, and the
 * instant time changes it. Undefined for a list computed without being remembered.
 */
export function rememberedAs(list: SlotList): Pick<Entry, "keys" | "fingerprint" | "expiresAt"> | undefined {
  return entriesOfLists.get(list);
}
