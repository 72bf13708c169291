// One HTTP POST of a webhook: to an http(s) URL only, within a time limit, never following a
// redirect, and (unless private targets are allowed) only to public addresses: a literal address is
// checked before connecting, a name's every resolved address is checked by the lookup the socket
// itself uses, so the address checked is the address connected to.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { ipLiteral, isBlockedAddress } from "./address";

export const DEFAULT_TIMEOUT_MS = 10_000;
/** What is kept of a failed answer's body for the log. */
const SNIPPET_CHARS = 200;
/** More than this of an answer's body is not read. */
const MAX_BODY_BYTES = 64 * 1024;

export type SendOptions = {
  timeoutMs?: number;
  /** Allow loopback and private addresses (tests; production with WEBHOOK_ALLOW_PRIVATE=1). */
  allowPrivate: boolean;
};

export type SendResult = {
  ok: boolean;
  /** The receiver's status, when it answered. */
  statusCode: number | null;
  /** Why it failed; null on success. */
  error: string | null;
  durationMs: number;
};

export class BlockedAddressError extends Error {
  constructor(host: string, address: string) {
    super(
      address === host
        ? `Refused: ${address} is a loopback, private or reserved address (set WEBHOOK_ALLOW_PRIVATE=1 to allow).`
        : `Refused: ${host} resolves to ${address}, a loopback, private or reserved address (set WEBHOOK_ALLOW_PRIVATE=1 to allow).`,
    );
  }
}

/** A DNS lookup that refuses a name if any address it resolves to is blocked. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0, hints: options.hints }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as LookupAddress[];
      const blocked = allowPrivate ? undefined : list.find((a) => isBlockedAddress(a.address));
      if (blocked) return callback(new BlockedAddressError(hostname, blocked.address), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const [first] = list;
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

/** Control characters out, so a receiver's answer cannot forge lines in a log or a page. */
const printable = (text: string) => text.replace(/\p{Cc}+/gu, " ").trim();

function describeError(err: unknown, timeoutMs: number): string {
  if (err instanceof BlockedAddressError) return err.message;
  if (err instanceof Error) {
    if (err.name === "TimeoutError" || err.message === "timeout") return `Timed out after ${timeoutMs / 1000} s.`;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "The host name could not be resolved.";
    if (code === "ECONNREFUSED") return "The connection was refused.";
    if (code === "ECONNRESET") return "The connection was reset.";
    return printable(code ? `${code}: ${err.message}` : err.message);
  }
  return String(err);
}

/** POSTs `body` with `headers` to `url` and tells how it went; never throws. */
export async function sendWebhookRequest(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const fail = (error: string, statusCode: number | null = null): SendResult => ({
    ok: false,
    statusCode,
    error,
    durationMs: elapsed(),
  });

  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return fail("The URL is not valid.");
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return fail("Only http and https URLs are allowed.");
  const literal = ipLiteral(target.hostname);
  if (literal && !options.allowPrivate && isBlockedAddress(literal)) {
    return fail(new BlockedAddressError(literal, literal).message);
  }

  const client = target.protocol === "https:" ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = client.request(
      target,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Slotwise-Webhooks/1.0",
        },
        lookup: guardedLookup(options.allowPrivate),
        // One connection per try: no pooled socket carries a try past its checks or its time limit.
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < MAX_BODY_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("error", (err) => finish(fail(describeError(err, timeoutMs), status)));
        res.on("end", () => {
          if (status >= 200 && status < 300)
            return finish({ ok: true, statusCode: status, error: null, durationMs: elapsed() });
          if (status >= 300 && status < 400) {
            const location = printable(String(res.headers.location ?? "")).slice(0, SNIPPET_CHARS);
            return finish(fail(`Redirect${location ? ` to ${location}` : ""} not followed.`, status));
          }
          const snippet = printable(Buffer.concat(chunks).toString("utf8")).slice(0, SNIPPET_CHARS);
          finish(fail(`HTTP ${status}${snippet ? `: ${snippet}` : ""}`, status));
        });
      },
    );
    const timer = setTimeout(() => {
      finish(fail(`Timed out after ${timeoutMs / 1000} s.`));
      req.destroy(new Error("timeout"));
    }, timeoutMs);
    req.on("error", (err) => finish(fail(describeError(err, timeoutMs))));
    req.end(body);
  });
}
