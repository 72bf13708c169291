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

/** SQLSTATE of a database error; drizzle wraps driver errors and keeps the original on `cause`. */
export function sqlState(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}
