import type { z } from "zod";
import { ApiError } from "./api-client";

export type FieldErrors = Record<string, string>;

/** Zod issues keyed by field path ("rules.0.end"), the same keys the API's validation_failed uses. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    errors[path] ??= issue.message;
  }
  return errors;
}

/**
 * Checks form values with the schema the API uses, so the browser refuses what the server would;
 * answers the parsed value or the errors per field.
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
}

/**
 * Field errors of a refused save: the API's validation issues, or the field of a taken unique value;
 * else nothing (the toast says why).
 */
export function apiFieldErrors(err: unknown): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  if (err.code === "validation_failed") return err.fieldErrors();
  const field = err.details.field;
  if (err.code === "already_exists" && typeof field === "string") return { [field]: err.message };
  return {};
}

/** "" → undefined, so optional fields left blank are simply not sent. */
export const blankToUndefined = (value: FormDataEntryValue | null) => {
  const text = typeof value === "string" ? value.trim() : "";
  return text === "" ? undefined : text;
};

/** A number field: blank → undefined, otherwise Number (NaN fails the schema with its message). */
export const numberOrUndefined = (value: FormDataEntryValue | null) => {
  const text = blankToUndefined(value);
  return text === undefined ? undefined : Number(text.replace(",", "."));
};
