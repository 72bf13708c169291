// Answers to signed-out GETs that our HTTP server may send again without running Next.js
// (lib/server/answer-replay.ts): a catalog read, a worker's slots. The route that computed an answer
// keeps it here with what it was computed from; the server sends it again only after one small query
// shows that is unchanged, and only while time alone has not changed it. Kept on globalThis, per
// database handle: the route handlers are bundled apart from the server, and tests run several
// databases in one process.
import type { Executor } from "@/db/client";

/** What an answer was computed from, read again before it is sent again. */
export type Validity =
  | { kind: "catalog"; version: number }
  | { kind: "schedule"; keys: readonly string[]; fingerprint: string };

export type KeptAnswer = {
  body: Buffer;
  /** The answer's own headers (content type, caching, ETag, Vary), without the request's (X-Request-Id). */
  headers: Record<string, string>;
  etag?: string;
  validity: Validity;
  /** The instants (ms) between which time alone leaves the answer right: [keptAt, until). */
  keptAt: number;
  until: number;
  /** The body gzipped, made the first time a caller accepts it. */
  gzip?: Buffer;
};

/** What a route says about an answer it may have sent again. */
export type ReplayTerms = { validity: Validity; until: number };

/** Past this many bytes of bodies the oldest answers go first. */
const MAX_BYTES = 16 * 1024 * 1024;

type Store = { entries: Map<string, KeptAnswer>; bytes: number };
const state = globalThis as unknown as { __slotwiseKeptAnswers?: WeakMap<object, Store> };

export function keptAnswers(db: Executor): Store {
  state.__slotwiseKeptAnswers ??= new WeakMap();
  let store = state.__slotwiseKeptAnswers.get(db);
  if (!store) {
    store = { entries: new Map(), bytes: 0 };
    state.__slotwiseKeptAnswers.set(db, store);
  }
  return store;
}

/** Whether an If-None-Match header names `etag` (or `*`). */
export const etagMatches = (ifNoneMatch: string | null | undefined, etag: string) =>
  ifNoneMatch?.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*") === true;

/** The key of a request's answer: its path and query exactly as sent. */
export const answerKey = (url: { pathname: string; search: string }) => url.pathname + url.search;

export function forgetAnswer(store: Store, key: string) {
  const entry = store.entries.get(key);
  if (!entry) return;
  store.entries.delete(key);
  store.bytes -= entry.body.length;
}

export function keepAnswer(db: Executor, key: string, answer: Omit<KeptAnswer, "gzip">) {
  if (answer.until <= answer.keptAt || answer.body.length > MAX_BYTES / 8) return;
  const store = keptAnswers(db);
  forgetAnswer(store, key);
  store.entries.set(key, answer);
  store.bytes += answer.body.length;
  // Oldest first (a Map keeps insertion order).
  for (const oldest of store.entries.keys()) {
    if (store.bytes <= MAX_BYTES) break;
    forgetAnswer(store, oldest);
  }
}

/** Drops every kept answer of `db` (a change their validity does not cover, such as the business policy). */
export function forgetAllAnswers(db: Executor) {
  state.__slotwiseKeptAnswers?.delete(db);
}
