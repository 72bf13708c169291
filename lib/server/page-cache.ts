// The public pages a signed-out visitor reads most (the home page and a worker's page) are sent again
// as they were rendered while nothing they are rendered from has changed: the same request (address,
// cookies, languages, encodings), the same minute, and the same pages fingerprint, which one small
// query reads before each answer (db/queries/schedule-versions.ts: the catalog version, every
// schedule counter and the business profile's last change, bumped in the writing transaction by
// whichever instance or script wrote). So a booking, a new shift or an edited service shows on the
// next view, on every instance. The minute: which slots are offered moves only when the clock passes
// a whole minute (slots start on whole minutes, the notice is whole minutes), and so does "today".
// Anything else is rendered by Next.js as before: signed-in visitors, Next.js's own navigation
// requests (RSC), other methods and paths, and answers that are not a complete 200 HTML page without
// cookies.
import type { IncomingMessage, ServerResponse } from "node:http";

export type PageCacheOptions = {
  /** The pages fingerprint, read now (one small query). */
  fingerprint: () => Promise<string>;
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number;
  /** At most this many pages are kept (the least recently sent go first)... */
  maxEntries?: number;
  /** ...and at most this many bytes of them; a larger page is not kept at all. */
  maxBytes?: number;
};

type Entry = {
  minute: number;
  fingerprint: string;
  status: number;
  headers: [string, string | number | string[]][];
  body: Buffer;
};

/** The pages kept: `/` and `/workers/{ref}`, with any query. */
const CACHED_PATH = /^\/(?:workers\/[^/]+)?$/;

/** Request headers that make an answer other than the page's HTML, or one for a signed-in caller. */
const RENDERED_FOR = [
  "authorization",
  "rsc",
  "next-action",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
];

/** Headers of the kept answer that belong to its own connection or moment, not to the page. */
const NOT_REPLAYED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date"]);

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
};

/** The key of a request whose answer may be kept, or null. */
export function pageKey(req: IncomingMessage): string | null {
  if (req.method !== "GET") return null;
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (!CACHED_PATH.test(path) || url.includes("_rsc=")) return null;
  if (RENDERED_FOR.some((name) => req.headers[name] !== undefined)) return null;
  const cookie = header(req, "cookie");
  // A session cookie, valid or not, is left to Next.js: the page may show the signed-in caller.
  if (cookie.includes("session-token")) return null;
  // Everything a signed-out render reads from the request: the whole URL, the host, every cookie (the
  // language), the languages asked for, and the encodings (Next.js compresses).
  return [url, header(req, "host"), cookie, header(req, "accept-language"), header(req, "accept-encoding")].join("\n");
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly fingerprint: () => Promise<string>;
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor(options: PageCacheOptions) {
    this.fingerprint = options.fingerprint;
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 500;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  }

  /** How many pages are kept (tests). */
  get size() {
    return this.entries.size;
  }

  /**
   * Answers `req` from a kept page, or has `render` answer it and keeps what it sent when that may be
   * sent again. Without a key (see pageKey) it only renders.
   */
  async serve(req: IncomingMessage, res: ServerResponse, render: () => unknown): Promise<unknown> {
    const key = pageKey(req);
    if (key === null) return render();
    const minute = Math.floor(this.now() / 60_000);
    let fingerprint: string;
    try {
      // Read before rendering: a write during the render leaves the kept page with the older
      // fingerprint, so the next request renders again.
      fingerprint = await this.fingerprint();
    } catch {
      return render(); // The page says what it can without the database; nothing is kept.
    }
    const kept = this.entries.get(key);
    if (kept && kept.minute === minute && kept.fingerprint === fingerprint) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return send(res, kept);
    }
    if (kept) this.forget(key, kept);
    this.record(res, (entry) => this.keep(key, { ...entry, minute, fingerprint }));
    return render();
  }

  private forget(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }

  private keep(key: string, entry: Entry) {
    const old = this.entries.get(key);
    if (old) this.forget(key, old);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest, first] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.forget(oldest, first);
    }
  }

  /** Copies what `res` sends; hands it to `keep` once the whole answer has gone out, if it may be sent again. */
  private record(res: ServerResponse, keep: (entry: Omit<Entry, "minute" | "fingerprint">) => void) {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const copy = (chunk: unknown, encoding: unknown) => {
      if (tooLarge || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer =
        typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > this.maxBytes / 8) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(buffer);
    };
    const write = res.write;
    res.write = function (this: ServerResponse, ...args: Parameters<ServerResponse["write"]>) {
      copy(args[0], args[1]);
      return write.apply(this, args);
    } as ServerResponse["write"];
    const end = res.end;
    res.end = function (this: ServerResponse, ...args: Parameters<ServerResponse["end"]>) {
      copy(args[0], args[1]);
      return end.apply(this, args);
    } as ServerResponse["end"];
    res.once("finish", () => {
      if (tooLarge || res.statusCode !== 200) return;
      const headers = res.getHeaders();
      if (headers["set-cookie"] !== undefined) return;
      if (!String(headers["content-type"] ?? "").startsWith("text/html")) return;
      const replayed = Object.entries(headers).filter(
        (pair): pair is [string, string | number | string[]] => pair[1] !== undefined && !NOT_REPLAYED.has(pair[0]),
      );
      keep({ status: res.statusCode, headers: replayed, body: Buffer.concat(chunks) });
    });
  }
}

function send(res: ServerResponse, entry: Entry) {
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  res.setHeader("Content-Length", entry.body.length);
  res.writeHead(entry.status).end(entry.body);
}
