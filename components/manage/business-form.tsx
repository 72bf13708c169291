"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { apiFetch } from "@/components/lib/api-client";
import { apiFieldErrors } from "@/components/lib/form-errors";
import { useApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import type { Business } from "@/lib/contract";
import { businessPatchSchema } from "@/lib/validation/business";
import { FormGrid, text } from "./form-bits";
import { TimeZonePicker } from "./time-zone-picker";

/**
 * The business's name, the zone new locations start in, and whether a client's appointments may
 * overlap (PATCH /business); the rest of the profile and policies is set through the API for now.
 */
export function BusinessForm({ initial, zones }: { initial: Business; zones: string[] }) {
  const t = useTranslations("manage.business");
  const saved = useTranslations("manage.saved");
  const errorText = useApiErrorText();
  const { errors, setErrors, check } = useFieldErrors();
  const save = useMutation({
    mutationFn: (body: unknown) => apiFetch<Business>("/business", { method: "PATCH", body }),
    onSuccess: () => toast.success(saved("updated")),
    onError: (err) => {
      setErrors(apiFieldErrors(err));
      toast.error(errorText(err));
    },
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      name: text(form, "name"),
      defaultTimezone: text(form, "timezone"),
      policy: { allowClientOverlap: form.get("allowClientOverlap") === "on" },
    };
    if (check(businessPatchSchema, values)) save.mutate(values);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormGrid>
        <Field label={t("name")} error={errors.name && t("nameError")}>
          <input name="name" defaultValue={initial.name} className={inputClass} required />
        </Field>
        <div className="space-y-1">
          <TimeZonePicker
            zones={zones.includes(initial.defaultTimezone) ? zones : [initial.defaultTimezone, ...zones]}
            defaultZone={initial.defaultTimezone}
            error={errors.defaultTimezone}
          />
          <p className="text-sm text-slate-600">{t("zoneHint")}</p>
        </div>
      </FormGrid>
      <div className="flex items-start gap-2">
        <input
          id="business-allow-overlap"
          name="allowClientOverlap"
          type="checkbox"
          defaultChecked={initial.policy.allowClientOverlap}
          aria-describedby="business-allow-overlap-hint"
          className="mt-1 size-4"
        />
        <div>
          <label htmlFor="business-allow-overlap" className="text-sm font-medium">
            {t("allowClientOverlap")}
          </label>
          <p id="business-allow-overlap-hint" className="text-sm text-slate-600">
            {t("allowClientOverlapHint")}
          </p>
        </div>
      </div>
      <Button type="submit" pending={save.isPending}>
        {t("save")}
      </Button>
    </form>
  );
}
