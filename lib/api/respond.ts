import { ZodError } from "zod";
import { exclusionError } from "@/lib/booking/conflicts";
import type { ErrorBody } from "@/lib/contract";
import {
  AppError,
  duplicateValue,
  internalError,
  invalidRequest,
  sqlState,
  unavailable,
  unstorableText,
} from "@/lib/errors";
import { BUSY_RETRY_AFTER_SECONDS, busyCode, databaseUnavailable, unreachableCode } from "./database-errors";
import { log } from "./request-log";

/** A JSON answer: a plain Response (NextResponse's cookie and URL helpers are not needed for one). */
export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function errorJson(err: AppError, headers?: HeadersInit) {
  const body: ErrorBody = {
    error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
  };
  const res = json(body, err.status, headers);
  const retryAfter = err.details?.retryAfterSeconds;
  if ((err.status === 429 || err.status === 503) && typeof retryAfter === "number")
    res.headers.set("Retry-After", String(retryAfter));
  return res;
}

export function zodIssues(err: ZodError) {
  return err.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** Maps anything thrown by a handler to the error shape of API.md; internals never leave the server. */
export function toErrorResponse(err: unknown, request: { requestId: string; method: string; path: string }) {
  if (err instanceof AppError) return errorJson(err);
  const unreachable = unreachableCode(err);
  if (unreachable) {
    log("error", { msg: "database unreachable", ...request, code: unreachable });
    return errorJson(databaseUnavailable());
  }
  const busy = busyCode(err);
  if (busy) {
    log("error", { msg: "database too busy", ...request, code: busy });
    return errorJson(unavailable(BUSY_RETRY_AFTER_SECONDS));
  }
  if (err instanceof ZodError) {
    return errorJson(invalidRequest(zodIssues(err)));
  }
  const state = sqlState(err);
  if (state === "23505") return errorJson(duplicateValue());
  // Text PostgreSQL cannot store (a NUL character, say) arrived in a field that has no rule against it.
  if (state === "22021" || state === "22P05") {
    return errorJson(unstorableText());
  }
  // Exclusion violation, or the deadlock two conflicting inserts can end in: the interval is taken,
  // by the worker's or location's bookings (slot_taken) or the client's own (client_busy).
  const exclusion = exclusionError(err);
  if (exclusion) return errorJson(exclusion);
  log("error", { msg: "unhandled error", ...request, error: err instanceof Error ? (err.stack ?? err.message) : err });
  return errorJson(internalError(request.requestId));
}
