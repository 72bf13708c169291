import type { z } from "zod";
import { ApiError } from "./api-client";

/**
 * The fields a form's values fail in the API's own schema, keyed by the API's dotted path, with the
 * schema's (English) message. Pages show their translated message for the field and fall back to
 * this one, so a rule the browser checks is exactly the rule the server checks.
 */
export function formIssues(schema: z.ZodType, values: unknown): Record<string, string> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return {};
  const issues: Record<string, string> = {};
  for (const issue of parsed.error.issues) issues[issue.path.map(String).join(".")] ??= issue.message;
  return issues;
}

/** The fields a refused request names: the issues of a validation_failed answer, else none. */
export const apiIssues = (err: unknown): Record<string, string> =>
  err instanceof ApiError && err.code === "validation_failed" ? err.fieldErrors() : {};

/** "" or whitespace → undefined, so an optional field left blank is not sent. */
export function optionalText(value: FormDataEntryValue | null): string | undefined {
  const text = typeof value === "string" ? value.trim() : "";
  return text === "" ? undefined : text;
}
