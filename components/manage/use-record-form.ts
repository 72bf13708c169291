"use client";

import { useTranslations } from "next-intl";
import type { z } from "zod";
import { ApiError } from "@/components/lib/api-client";
import { apiFieldErrors, type FieldErrors } from "@/components/lib/form-errors";
import type { CatalogResource } from "@/components/query-keys";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { useSaveRecord } from "./use-resource";

type Schemas = { create: z.ZodType; patch: z.ZodType };

/**
 * The save cycle of a manager's form: check the values with the API's own schema, send them, and
 * put what either side refuses next to the field. Field messages come from `manage.<section>.errors`
 * in the UI's language (the schema's English text when a field has none).
 */
export function useRecordForm<T>(opts: {
  resource: CatalogResource;
  section: string;
  id?: string;
  schemas: Schemas;
  onDone: () => void;
}) {
  const t = useTranslations(`manage.${opts.section}.errors`);
  const errorText = useApiErrorText();
  const save = useSaveRecord<T>(opts.resource, opts.id);

  const translate = (found: FieldErrors): FieldErrors =>
    Object.fromEntries(
      Object.entries(found).map(([field, raw]) => [field, !field.includes(".") && t.has(field) ? t(field) : raw]),
    );
  const { errors, setErrors, check } = useFieldErrors(translate);

  function submit(values: Record<string, unknown>) {
    if (!check(opts.id ? opts.schemas.patch : opts.schemas.create, values)) return;
    save.mutate(values, {
      onSuccess: opts.onDone,
      onError: (err) => {
        const found = apiFieldErrors(err);
        // A taken slug or email: the field says so in the UI's language.
        if (err instanceof ApiError && err.code === "already_exists") {
          setErrors(Object.fromEntries(Object.keys(found).map((f) => [f, errorText(err)])));
        } else setErrors(translate(found));
      },
    });
  }

  return { errors, submit, pending: save.isPending };
}
