// "The database cannot be reached" as a caller should hear it: 503 unavailable with Retry-After,
// not a 500 after a long wait. Drizzle wraps driver errors, so the chain of causes is searched.
import { findCause, unavailable } from "@/lib/errors";

/** Seconds a caller is asked to wait while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Socket errors on the way to the server, and postgres.js's own codes for a connection it lost or
// could not open in time.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
]);

/**
 * SQLSTATEs of a server that is going away or not yet accepting (admin_shutdown, crash_shutdown,
 * cannot_connect_now) and class 08, connection exceptions.
 */
const UNREACHABLE_STATE = /^(57P01|57P02|57P03|08...)$/;

/** The code that says the database is unreachable (for the log), or undefined for any other error. */
export function unreachableCode(err: unknown): string | undefined {
  const unreachable = (code: unknown) =>
    typeof code === "string" && (UNREACHABLE_CODES.has(code) || UNREACHABLE_STATE.test(code));
  return findCause(err, (e) => unreachable(e.code), 5)?.code as string | undefined;
}

/**
 * SQLSTATEs of a database too busy to answer this request in time: a statement cancelled by
 * statement_timeout (57014), a lock not granted (55P03), too many connections or no resources left
 * (class 53). The transaction was rolled back, so asking again later is safe.
 */
const BUSY_STATE = /^(57014|55P03|53...)$/;

/** The SQLSTATE that says the database was too busy (for the log), or undefined for any other error. */
export function busyCode(err: unknown): string | undefined {
  return findCause(err, (e) => typeof e.code === "string" && BUSY_STATE.test(e.code), 5)?.code as string | undefined;
}

/** Seconds a caller is asked to wait when the database was too busy to answer. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export const databaseUnavailable = () => unavailable(DATABASE_RETRY_AFTER_SECONDS);
