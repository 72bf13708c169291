// The one way forms find their field errors: the API's own schema checked in the browser (so a rule
// the browser checks is exactly the rule the server checks), the fields a refused request names, and
// the form-value conversions the schemas expect.
import type { z } from "zod";
import { ApiError } from "./api-client";

export type FieldErrors = Record<string, string>;

/**
 * The fields a form's values fail in the API's own schema, keyed by the API's dotted path, with the
 * schema's (English) message. Pages show their translated message for the field and fall back to
 * this one.
 */
export function formIssues(schema: z.ZodType, values: unknown): FieldErrors {
  const parsed = schema.safeParse(values);
  if (parsed.success) return {};
  const issues: FieldErrors = {};
  for (const issue of parsed.error.issues) issues[issue.path.map(String).join(".")] ??= issue.message;
  return issues;
}

/** Checks form values with the schema the API uses, so the browser refuses what the server would. */
export function validateWith(schema: z.ZodType, values: unknown): { ok: true } | { ok: false; errors: FieldErrors } {
  const errors = formIssues(schema, values);
  return Object.keys(errors).length === 0 ? { ok: true } : { ok: false, errors };
}

/** The fields a refused request names: the issues of a validation_failed answer, else none. */
export const apiIssues = (err: unknown): FieldErrors =>
  err instanceof ApiError && err.code === "validation_failed" ? err.fieldErrors() : {};

/**
 * Field errors of a refused save: the API's validation issues, or the field of a taken unique value;
 * else nothing (the toast says why).
 */
export function apiFieldErrors(err: unknown): FieldErrors {
  const field = err instanceof ApiError ? err.details.field : undefined;
  if (err instanceof ApiError && err.code === "already_exists" && typeof field === "string") {
    return { [field]: err.message };
  }
  return apiIssues(err);
}

/** "" or whitespace → undefined, so an optional field left blank is not sent. */
export function optionalText(value: FormDataEntryValue | null): string | undefined {
  const text = typeof value === "string" ? value.trim() : "";
  return text === "" ? undefined : text;
}

/** A number field: blank → undefined, otherwise Number (NaN fails the schema with its message). */
export const numberOrUndefined = (value: FormDataEntryValue | null) => {
  const text = optionalText(value);
  return text === undefined ? undefined : Number(text.replace(",", "."));
};
