// Signed-out API reads answered again by our HTTP server without running Next.js: a catalog read or a
// worker's slots that a route kept (lib/api/kept-answers.ts) is sent again once one small query shows
// that what it was computed from is unchanged (the catalog version, or the worker's schedule
// fingerprint), and only while time alone has not changed it. Next.js's routing and the route
// wrapper cost more than the rest of such a read (README "Speed"). The answer is the one the route
// would give: the same status, body and headers, a new X-Request-Id, the caller's rate-limit budget
// spent first, and the same log line. Anything else goes on to Next.js: other methods, a caller with
// credentials (bearer or session cookie) or from another origin (CORS), and an answer not kept or no
// longer current.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { type Executor, getDb } from "@/db/client";
import { readCatalogVersion } from "@/db/queries/catalog-version";
import { readFingerprint } from "@/db/queries/schedule-versions";
import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-ip";
import { etagMatches, forgetAnswer, type KeptAnswer, keptAnswers, type Validity } from "@/lib/api/kept-answers";
import { logRequest, requestIdFrom } from "@/lib/api/request-log";

export type AnswerReplayOptions = {
  /** The database the routes keep their answers for. */
  db: Executor;
  /** Whether `validity` still holds (one small query). */
  current: (db: Executor, validity: Validity) => Promise<boolean>;
  /** Spends one request of the caller's budget; false when it is used up (Next.js then answers 429). */
  spend: (clientAddress: string) => Promise<boolean>;
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number;
};

/** Bodies from this size on are sent gzipped to a caller that accepts it, as Next.js's compression does. */
const COMPRESS_FROM_BYTES = 1024;

/** Whether Accept-Encoding takes gzip (named, or `*`, without q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    if (name.trim() === "gzip") return !refused;
    if (name.trim() === "*") star = !refused;
  }
  return star;
}

/** Whether `req` may be answered from a kept answer at all: a signed-out, same-origin GET of the API. */
export function replayable(req: IncomingMessage): boolean {
  if (req.method !== "GET" || !req.url?.startsWith("/api/v1/")) return false;
  const { headers } = req;
  if (headers.authorization !== undefined || headers.origin !== undefined) return false;
  // A session cookie, valid or not, is left to the route: it resolves the caller.
  return !headers.cookie?.includes("session-token");
}

export class AnswerReplay {
  private readonly options: AnswerReplayOptions;
  private readonly now: () => number;

  constructor(options: AnswerReplayOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /**
   * The answer kept for `req` while time alone leaves it right, found without waiting on anything:
   * a request with none goes on at once.
   */
  kept(req: IncomingMessage): KeptAnswer | undefined {
    if (!replayable(req)) return undefined;
    const url = req.url ?? "/";
    const store = keptAnswers(this.options.db);
    const kept = store.entries.get(url);
    if (!kept) return undefined;
    const ms = this.now();
    if (ms >= kept.keptAt && ms < kept.until) return kept;
    forgetAnswer(store, url);
    return undefined;
  }

  /**
   * Sends `kept` (found by `kept`) once the caller's budget is spent and what it was computed from is
   * unchanged, and says true; otherwise says false and leaves the request untouched.
   */
  async serve(req: IncomingMessage, res: ServerResponse, kept: KeptAnswer): Promise<boolean> {
    const startedAt = performance.now();
    const url = req.url ?? "/";
    try {
      if (!(await this.current(req, url, kept))) return false;
    } catch {
      return false; // Whatever failed here, the route says what it can.
    }
    send(req, res, kept);
    const query = url.indexOf("?");
    logRequest({
      requestId: String(res.getHeader("x-request-id")),
      method: "GET",
      path: query === -1 ? url : url.slice(0, query),
      status: res.statusCode,
      ms: Math.round(performance.now() - startedAt),
    });
    return true;
  }

  private async current(req: IncomingMessage, url: string, kept: KeptAnswer): Promise<boolean> {
    // Counted before anything is read for the caller, as the route counts.
    const address = req.headers[CLIENT_ADDRESS_HEADER];
    if (!(await this.options.spend((typeof address === "string" && address.trim()) || "unknown"))) return false;
    const { db } = this.options;
    if (await this.options.current(db, kept.validity)) return true;
    const store = keptAnswers(db);
    if (store.entries.get(url) === kept) forgetAnswer(store, url);
    return false;
  }
}

function send(req: IncomingMessage, res: ServerResponse, kept: KeptAnswer) {
  for (const [name, value] of Object.entries(kept.headers)) res.setHeader(name, value);
  const given = req.headers["x-request-id"];
  res.setHeader("X-Request-Id", requestIdFrom(typeof given === "string" ? given : null));
  const ifNoneMatch = req.headers["if-none-match"];
  if (kept.etag && etagMatches(ifNoneMatch, kept.etag)) {
    res.removeHeader("content-type");
    res.writeHead(304).end();
    return;
  }
  // As Next.js's compression adds it to a compressible answer.
  res.setHeader("Vary", `${res.getHeader("vary") ?? ""}, Accept-Encoding`.replace(/^, /, ""));
  let body = kept.body;
  if (body.length >= COMPRESS_FROM_BYTES && acceptsGzip(req.headers["accept-encoding"])) {
    kept.gzip ??= gzipSync(body);
    body = kept.gzip;
    res.setHeader("Content-Encoding", "gzip");
  }
  res.setHeader("Content-Length", body.length);
  res.writeHead(200).end(body);
}

/** Whether `validity` still holds on `db`: the catalog version, or a worker's schedule fingerprint. */
export async function stillCurrent(db: Executor, validity: Validity): Promise<boolean> {
  return validity.kind === "catalog"
    ? (await readCatalogVersion(db)) === validity.version
    : (await readFingerprint(db, validity.keys)) === validity.fingerprint;
}

/** The replay the server runs: on the app's database, spending the API's per-IP budget. */
export async function appAnswerReplay(options: Pick<AnswerReplayOptions, "now"> = {}): Promise<AnswerReplay> {
  // Loaded once Next.js is prepared, as the route handlers load it.
  const { consume } = await import("@/lib/rate-limit/limits");
  return new AnswerReplay({
    ...options,
    db: await getDb(),
    current: stillCurrent,
    spend: (address) =>
      consume("api", address).then(
        () => true,
        () => false,
      ),
  });
}
