// Catalog answers (locations, specialties, services, workers) are read far more often than they
// change, so each instance keeps the JSON it sent, keyed by URL and audience. Before using an entry
// it reads one row, catalog_version, which triggers bump in every transaction that writes a catalog
// table (drizzle/0005_catalog_version_triggers.sql): an entry from an older version is recomputed, so
// no instance serves what another instance (or a script) has since changed. ETags are a hash of the
// body, so they agree across instances, and If-None-Match gets a 304 without recomputing anything.
import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { readCatalogVersion } from "@/db/queries/catalog-version";
import { answerKey, etagMatches, keepAnswer, keptAnswers } from "./kept-answers";

type Entry = { version: number; body: string; etag: string };

const MAX_BYTES = 16 * 1024 * 1024;
const state = globalThis as unknown as { __catalogCache?: { entries: Map<string, Entry>; bytes: number } };
const cache = () => {
  state.__catalogCache ??= { entries: new Map(), bytes: 0 };
  return state.__catalogCache;
};

export async function currentCatalogVersion(): Promise<number> {
  return readCatalogVersion(await getDb());
}

function remember(key: string, entry: Entry) {
  const c = cache();
  const old = c.entries.get(key);
  if (old) c.bytes -= old.body.length;
  c.entries.delete(key);
  c.entries.set(key, entry);
  c.bytes += entry.body.length;
  // Oldest first (a Map keeps insertion order): drop until the cache fits again.
  for (const [k, e] of c.entries) {
    if (c.bytes <= MAX_BYTES) break;
    c.entries.delete(k);
    c.bytes -= e.body.length;
  }
}

/** Keeps the public answer for our HTTP server to send again, unless it already keeps this one. */
async function keepPublicAnswer(req: NextRequest, entry: Entry, headers: Record<string, string>) {
  const db = await getDb();
  const key = answerKey(req.nextUrl);
  const kept = keptAnswers(db).entries.get(key);
  if (kept?.validity.kind === "catalog" && kept.validity.version === entry.version && kept.etag === entry.etag) return;
  keepAnswer(db, key, {
    body: Buffer.from(entry.body),
    // As the route wrapper finishes the answer: Origin added to Vary (lib/api/cors.ts).
    headers: { ...headers, Vary: "Authorization, Cookie, Origin", "Content-Type": "application/json" },
    etag: entry.etag,
    validity: { kind: "catalog", version: entry.version },
    keptAt: Date.now(),
    until: Number.POSITIVE_INFINITY,
  });
}

/** What everyone but staff reads: the answer a signed-out caller gets. */
export const PUBLIC_AUDIENCE = "anyone";

/**
 * Answers a catalog GET from the cache when it is current, else from `compute`. `audience` names
 * whatever besides the URL changes the answer (e.g. managers also see inactive records). The public
 * audience's answer may also be sent again by our HTTP server to a signed-out GET of the same URL
 * while the catalog version stays the same (kept-answers.ts).
 */
export async function catalogAnswer(req: NextRequest, audience: string, compute: () => Promise<unknown>) {
  const params = [...req.nextUrl.searchParams].sort(([a], [b]) => a.localeCompare(b));
  const key = `${audience} ${req.nextUrl.pathname}?${new URLSearchParams(params)}`;
  const version = await currentCatalogVersion();
  let entry = cache().entries.get(key);
  if (entry?.version !== version) {
    const body = JSON.stringify(await compute());
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    entry = { version, body, etag };
    remember(key, entry);
  }
  // Browsers and proxies may keep the answer but must ask again each time (and get a 304).
  const headers = { ETag: entry.etag, "Cache-Control": "no-cache", Vary: "Authorization, Cookie" };
  if (audience === PUBLIC_AUDIENCE) await keepPublicAnswer(req, entry, headers);
  if (etagMatches(req.headers.get("if-none-match"), entry.etag)) return new Response(null, { status: 304, headers });
  return new Response(entry.body, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
}
