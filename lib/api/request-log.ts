// One structured log line per API request, with a request id that is echoed in X-Request-Id so a
// caller's report can be matched to the server's log. LOG_LEVEL=warn (or error/silent) keeps only
// failures; the default logs every request.
import { randomUUID } from "node:crypto";

const LEVELS = { silent: 0, error: 1, warn: 2, info: 3 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

const enabled = (level: Level) => {
  const configured = (process.env.LOG_LEVEL ?? "info") as keyof typeof LEVELS;
  return LEVELS[level] <= (LEVELS[configured] ?? LEVELS.info);
};

/** The caller's X-Request-Id when it is a plain token, else a new one. */
export function requestIdOf(headers: Headers): string {
  return requestIdFrom(headers.get("x-request-id"));
}

/** requestIdOf for the header's value. */
export function requestIdFrom(given: string | null): string {
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

// Info lines waiting for the next turn of the event loop, when LOG_BATCH=1 (set by our HTTP server,
// lib/server/next-server.ts): one write for every request answered in a turn instead of one write
// (a system call) each, which cost a health check about 7% of its CPU (README "Speed"). Warnings and
// errors are written at once, and whatever is waiting is written before the process exits.
let waiting: string[] | undefined;
let flushesOnExit = false;

/** Writes the info lines waiting for the next turn now. */
export function flushLogLines() {
  if (!waiting) return;
  const chunk = waiting.join("");
  waiting = undefined;
  process.stdout.write(chunk);
}

function writeInfo(line: string) {
  if (process.env.LOG_BATCH !== "1") {
    process.stdout.write(line);
    return;
  }
  if (!flushesOnExit) {
    flushesOnExit = true;
    process.once("exit", flushLogLines);
  }
  if (!waiting) {
    waiting = [];
    setImmediate(flushLogLines);
  }
  waiting.push(line);
}

// The ISO time of the last line, kept while the clock stays in the same millisecond (a busy server
// logs several requests per millisecond, and each Date costs a little more inside Next.js).
let lastMs = -1;
let lastIso = "";
function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/**
 * One JSON line on stdout (info) or stderr, written to the stream itself: inside Next.js, `console`
 * goes through Next.js's wrappers, which cost more than the rest of the line (README "Speed").
 */
export function log(level: Level, fields: Record<string, unknown>) {
  if (!enabled(level)) return;
  const line = `${JSON.stringify({ level, time: isoNow(), ...fields })}\n`;
  if (level === "info") writeInfo(line);
  else {
    flushLogLines();
    process.stderr.write(line);
  }
}

/**
 * The line of one answered request: the same JSON as `log` writes, put together directly, as it is
 * written for every request (building and serializing an object per request was about 1% of a
 * health check's CPU).
 */
export function logRequest(fields: { requestId: string; method: string; path: string; status: number; ms: number }) {
  const level = fields.status >= 500 ? "error" : "info";
  if (!enabled(level)) return;
  const line =
    `{"level":"${level}","time":"${isoNow()}","msg":"request","requestId":${JSON.stringify(fields.requestId)},` +
    `"method":${JSON.stringify(fields.method)},"path":${JSON.stringify(fields.path)},` +
    `"status":${Number(fields.status)},"ms":${Number(fields.ms)}}\n`;
  if (level === "info") writeInfo(line);
  else {
    flushLogLines();
    process.stderr.write(line);
  }
}
