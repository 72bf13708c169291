"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { lazyModule, submitChecked } from "@/components/lib/lazy-check";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";

/** What the guest action answers (app/book/guest-actions.ts GuestFormState). */
export type GuestFormState = {
  issues?: Record<string, string>;
  values?: Record<string, string>;
  error?: "rateLimited" | "failed";
};

// The action's own schema, loaded when the form is first used (components/lib/lazy-check.ts).
const validation = lazyModule(() => import("@/lib/validation/guest-booking"));

type Props = {
  worker: { id: string };
  service: { id: string };
  start: string;
  /** The server action (app/book/guest-actions.ts) and the Idempotency-Key made with the page. */
  action: (state: GuestFormState, form: FormData) => Promise<GuestFormState>;
  idempotencyKey: string;
};

/**
 * "Book as a guest": name, email, optional phone and notes, no password. A POST to a server action,
 * so it books with JavaScript off too; with JavaScript the fields are checked here first, by the
 * action's own schema. Booked, the action goes on to /book/booked.
 */
export function GuestBookingForm({ worker, service, start, action, idempotencyKey }: Props) {
  const t = useTranslations("guest.form");
  const [state, formAction, pending] = useActionState(action, {});
  const { errors: checked, check } = useFieldErrors();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    submitChecked(event, validation, (m) =>
      check(m.guestFormSchema, Object.fromEntries(m.GUEST_FORM_FIELDS.map((f) => [f, String(form.get(f) ?? "")]))),
    );
  }

  const issues = Object.keys(checked).length > 0 ? checked : (state.issues ?? {});
  const error = !pending && state.error ? t(`errors.${state.error}`) : "";
  const value = (field: string) => state.values?.[field];
  return (
    <section aria-labelledby="guest-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="guest-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form action={formAction} onSubmit={onSubmit} onFocus={validation.preload} noValidate className="space-y-4">
        <input type="hidden" name="worker" value={worker.id} />
        <input type="hidden" name="service" value={service.id} />
        <input type="hidden" name="start" value={start} />
        <input type="hidden" name="key" value={idempotencyKey} />
        <Field label={t("name")} error={issues.name && t("errors.name")}>
          <input name="name" autoComplete="name" required defaultValue={value("name")} className={inputClass} />
        </Field>
        <Field label={t("email")} hint={t("emailHint")} error={issues.email && t("errors.email")}>
          <input
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={value("email")}
            className={inputClass}
          />
        </Field>
        <Field label={t("phone")} hint={t("optional")} error={issues.phone && t("errors.phone")}>
          <input name="phone" type="tel" autoComplete="tel" defaultValue={value("phone")} className={inputClass} />
        </Field>
        <Field label={t("notes")} hint={t("optional")} error={issues.notes && t("errors.notes")}>
          <textarea name="notes" rows={3} maxLength={2000} defaultValue={value("notes")} className={inputClass} />
        </Field>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" pending={pending} className="w-full sm:w-auto">
          {pending ? t("submitting") : t("submit")}
        </Button>
      </form>
    </section>
  );
}
