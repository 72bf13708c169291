// The staff forms' save cycle on top of lib/ui/form-issues.ts (the same schema check the client
// pages use): a yes/no answer for the submit handler, taken values, and number fields.
import type { z } from "zod";
import { ApiError } from "./api-client";
import { apiIssues, formIssues, optionalText } from "./form-issues";

export type FieldErrors = Record<string, string>;

/** Checks form values with the schema the API uses, so the browser refuses what the server would. */
export function validateWith(schema: z.ZodType, values: unknown): { ok: true } | { ok: false; errors: FieldErrors } {
  const errors = formIssues(schema, values);
  return Object.keys(errors).length === 0 ? { ok: true } : { ok: false, errors };
}

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

/** A number field: blank → undefined, otherwise Number (NaN fails the schema with its message). */
export const numberOrUndefined = (value: FormDataEntryValue | null) => {
  const text = optionalText(value);
  return text === undefined ? undefined : Number(text.replace(",", "."));
};
