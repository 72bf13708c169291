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
import { ImageField } from "./image-field";
import { TimeZonePicker } from "./time-zone-picker";

/** A whole number typed in a field, or the text itself (refused by the schema, next to the field). */
function whole(form: FormData, name: string): number | string {
  const value = text(form, name);
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Minutes before the start, comma- or space-separated: "1440, 120". */
function minutesList(form: FormData, name: string): (number | string)[] {
  return text(form, name)
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const POLICY_MINUTES = ["minNoticeMinutes", "cancelCutoffMinutes", "rescheduleCutoffMinutes"] as const;
const CONTACTS = [
  { name: "phone", type: "tel", autoComplete: "tel" },
  { name: "email", type: "email", autoComplete: "email" },
  { name: "website", type: "url", autoComplete: "url" },
] as const;

/**
 * The business profile and policies (PATCH /business): name, logo, contacts, address, the zone new
 * locations start in, the currency, and the booking policy that binds clients (minimum notice, the
 * cancel and reschedule cut-offs, upcoming appointments per client, overlaps, reminder times).
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
    const orNull = (name: string) => text(form, name) || null;
    const limit = text(form, "maxUpcomingPerClient");
    const values = {
      name: text(form, "name"),
      logoUrl: orNull("logoUrl"),
      phone: orNull("phone"),
      email: orNull("email"),
      website: orNull("website"),
      address: text(form, "address"),
      defaultTimezone: text(form, "timezone"),
      currency: text(form, "currency"),
      policy: {
        minNoticeMinutes: whole(form, "minNoticeMinutes"),
        cancelCutoffMinutes: whole(form, "cancelCutoffMinutes"),
        rescheduleCutoffMinutes: whole(form, "rescheduleCutoffMinutes"),
        maxUpcomingPerClient: limit ? whole(form, "maxUpcomingPerClient") : null,
        allowClientOverlap: form.get("allowClientOverlap") === "on",
        reminderOffsetsMinutes: minutesList(form, "reminderOffsetsMinutes"),
      },
    };
    if (check(businessPatchSchema, values)) save.mutate(values);
  }

  const fieldError = (path: string) => (errors[path] ? t(`errors.${path.replace("policy.", "")}`) : undefined);
  // A list's issue names the item ("policy.reminderOffsetsMinutes.1"): shown at the list.
  const remindersError = Object.keys(errors).some((path) => path.startsWith("policy.reminderOffsetsMinutes"))
    ? t("errors.reminderOffsetsMinutes")
    : undefined;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">{t("profile")}</legend>
        <FormGrid>
          <Field label={t("name")} error={errors.name && t("nameError")}>
            <input
              name="name"
              defaultValue={initial.name}
              className={inputClass}
              required
              autoComplete="organization"
            />
          </Field>
          <Field label={t("logoUrl")} hint={t("logoUrlHint")} error={fieldError("logoUrl")}>
            <ImageField name="logoUrl" defaultValue={initial.logoUrl} />
          </Field>
          {CONTACTS.map((contact) => (
            <Field key={contact.name} label={t(contact.name)} error={fieldError(contact.name)}>
              <input
                name={contact.name}
                type={contact.type}
                autoComplete={contact.autoComplete}
                defaultValue={initial[contact.name] ?? ""}
                className={inputClass}
              />
            </Field>
          ))}
          <Field label={t("address")} error={fieldError("address")} className="sm:col-span-2">
            <input name="address" defaultValue={initial.address ?? ""} className={inputClass} autoComplete="off" />
          </Field>
          <div className="space-y-1">
            <TimeZonePicker
              zones={zones.includes(initial.defaultTimezone) ? zones : [initial.defaultTimezone, ...zones]}
              defaultZone={initial.defaultTimezone}
              error={errors.defaultTimezone}
            />
            <p className="text-sm text-slate-600">{t("zoneHint")}</p>
          </div>
          <Field label={t("currency")} hint={t("currencyHint")} error={fieldError("currency")}>
            <input
              name="currency"
              defaultValue={initial.currency}
              className={`${inputClass} uppercase`}
              maxLength={3}
              autoComplete="off"
            />
          </Field>
        </FormGrid>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">{t("policy")}</legend>
        <p className="text-sm text-slate-600">{t("policyHint")}</p>
        <FormGrid>
          {POLICY_MINUTES.map((name) => (
            <Field key={name} label={t(name)} hint={t(`${name}Hint`)} error={fieldError(`policy.${name}`)}>
              <input
                name={name}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                defaultValue={initial.policy[name]}
                className={inputClass}
              />
            </Field>
          ))}
          <Field
            label={t("maxUpcomingPerClient")}
            hint={t("maxUpcomingPerClientHint")}
            error={fieldError("policy.maxUpcomingPerClient")}
          >
            <input
              name="maxUpcomingPerClient"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              defaultValue={initial.policy.maxUpcomingPerClient ?? ""}
              className={inputClass}
            />
          </Field>
          <Field label={t("reminderOffsetsMinutes")} hint={t("reminderOffsetsMinutesHint")} error={remindersError}>
            <input
              name="reminderOffsetsMinutes"
              defaultValue={initial.policy.reminderOffsetsMinutes.join(", ")}
              className={inputClass}
              inputMode="numeric"
              autoComplete="off"
            />
          </Field>
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
      </fieldset>
      <Button type="submit" pending={save.isPending}>
        {t("save")}
      </Button>
    </form>
  );
}
