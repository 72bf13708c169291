/** Error codes of the API contract (API.md "Conventions"); listed once, for the OpenAPI description too. */
export const ERROR_CODES = [
  "validation_failed",
  "invalid_json",
  "unauthenticated",
  "invalid_credentials",
  "forbidden",
  "account_blocked",
  "not_found",
  "method_not_allowed",
  "slot_taken",
  "client_busy",
  "not_available",
  "location_busy",
  "worker_busy",
  "has_appointments",
  "already_exists",
  "idempotency_key_reused",
  "last_manager",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "internal_error",
  "unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The only error whose message reaches a caller; anything else becomes a generic 500. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthenticated = (message = "Sign in or send a valid bearer token.") =>
  new AppError("unauthenticated", 401, message);

export const forbidden = (message = "Your role may not do this.") => new AppError("forbidden", 403, message);

export const accountBlocked = () =>
  new AppError("account_blocked", 403, "This account is blocked. Contact the business to restore access.");

export const notFound = (what = "Record") => new AppError("not_found", 404, `${what} not found.`);

/**
 * 503: something the answer depends on (the database, the shared rate-limit store) cannot be reached
 * right now; the caller may retry after `retryAfterSeconds` (sent as Retry-After).
 */
export const unavailable = (retryAfterSeconds = 30) =>
  new AppError("unavailable", 503, "The service is briefly unavailable. Try again shortly.", {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });

export const alreadyExists = (field: string) =>
  new AppError("already_exists", 409, `That ${field} is already taken.`, { field });

type ErrorLink = { code?: unknown; cause?: unknown; [field: string]: unknown };

/**
 * The first error in `err`'s chain of causes (itself, its `cause`, that one's `cause`, …, at most
 * `depth` links) that `matches`: drizzle wraps driver errors and Node wraps socket errors, keeping
 * the original on `cause`. The one walk over that chain.
 */
export function findCause(err: unknown, matches: (e: ErrorLink) => boolean, depth = 4): ErrorLink | undefined {
  let e = err as ErrorLink | undefined;
  for (let link = 0; e && link < depth; link++) {
    if (matches(e)) return e;
    e = e.cause as ErrorLink | undefined;
  }
  return undefined;
}

/** SQLSTATE of a database error. */
export function sqlState(err: unknown): string | undefined {
  return findCause(err, (e) => typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code))?.code as string | undefined;
}

/** The constraint a database error names: postgres.js calls it `constraint_name`, PGlite `constraint`. */
export function constraintName(err: unknown, known?: (name: string) => boolean): string | undefined {
  const nameOf = (e: ErrorLink) => e.constraint_name ?? e.constraint;
  const found = findCause(err, (e) => {
    const name = nameOf(e);
    return typeof name === "string" && (!known || known(name));
  });
  return found && (nameOf(found) as string);
}
