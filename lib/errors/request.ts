// The errors any route can answer: who the caller is, what they sent, the limits, and our own failures.
import { AppError } from "./app-error";
import { findCause } from "./cause";

/**
 * The caller hung up before its body had arrived (Node's "aborted", ECONNRESET): nobody is left to
 * answer. Not an AppError: the route wrapper logs it as status 499 and sends nothing meaningful.
 */
export class CallerGone extends Error {}

/** Reads a request body's stream through `read`, turning the caller's hang-up into CallerGone. */
export async function readingBody<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (findCause(err, (e) => e.code === "ECONNRESET")) throw new CallerGone("the caller closed the connection");
    throw err;
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

/** 400 validation_failed listing `issues` (each a path and a message). */
export const invalidRequest = (issues: unknown[]) =>
  new AppError("validation_failed", 400, "The request is not valid.", { issues });

/** A 400 validation_failed for a rule checked outside a schema (it needs the database or the clock). */
export const validationFailed = (path: string, message: string) => invalidRequest([{ path, message }]);

/** Text PostgreSQL cannot store (a NUL character, say) arrived in a field that has no rule against it. */
export const unstorableText = () => {
  const message = "Text may not contain the NUL character or invalid Unicode.";
  return new AppError("validation_failed", 400, message, { issues: [{ path: "", message }] });
};

/** A unique index refused a value no check named first. */
export const duplicateValue = () => new AppError("already_exists", 409, "A record with that value already exists.");

export const invalidCredentials = () => new AppError("invalid_credentials", 401, "Wrong email or password.");

export const noSuchEndpoint = () => new AppError("not_found", 404, "No such API endpoint.");

export const payloadTooLarge = () => new AppError("payload_too_large", 413, "The body is larger than 64 KiB.");

export const unsupportedMediaType = () =>
  new AppError("unsupported_media_type", 415, "Send the body as application/json.");

export const invalidJson = () => new AppError("invalid_json", 400, "The body is not valid JSON.");

/** A browser on an origin the API does not allow (CORS). */
export const originNotAllowed = () =>
  new AppError("forbidden", 403, "This origin may not call the API from a browser.");

/** A cookie-carrying request from another site (CSRF). */
export const crossSiteRequest = () =>
  new AppError("forbidden", 403, "This request came from another site; it may not use your session.");

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError("rate_limited", 429, "Too many requests. Try again later.", {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });

/** The generic 500: only its request id tells the caller anything. */
export const internalError = (requestId: string) =>
  new AppError("internal_error", 500, "Something went wrong on our side. Please try again.", { requestId });
