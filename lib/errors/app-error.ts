/** Error codes of the API contract (API.md "Conventions"); listed once, for the OpenAPI description too. */
export const ERROR_CODES = [
  "validation_failed",
  "invalid_json",
  "unauthenticated",
  "invalid_credentials",
  "invalid_token",
  "forbidden",
  "account_blocked",
  "not_found",
  "method_not_allowed",
  "slot_taken",
  "client_busy",
  "cutoff_passed",
  "not_available",
  "no_worker_free",
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
