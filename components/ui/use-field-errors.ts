"use client";

import { useState } from "react";
import type { z } from "zod";
import { type FieldErrors, formIssues } from "@/components/lib/form-errors";

/**
 * The one way a form keeps its field errors, which it shows next to the fields (Field links each to
 * its input with aria-describedby). `check` runs the API's own schema on the values before anything
 * is sent and shows what it refuses (after the form's own `extra` checks, in the form's `translate`d
 * words), answering whether the values may go; `setErrors` shows what a refused request names.
 */
export function useFieldErrors(translate: (found: FieldErrors) => FieldErrors = (found) => found) {
  const [errors, setErrors] = useState<FieldErrors>({});
  function check(schema: z.ZodType, values: unknown, extra: FieldErrors = {}): boolean {
    const found = { ...extra, ...formIssues(schema, values) };
    setErrors(translate(found));
    return Object.keys(found).length === 0;
  }
  return { errors, setErrors, check };
}
