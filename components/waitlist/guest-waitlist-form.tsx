"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { lazyModule, submitChecked } from "@/components/lib/lazy-check";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";

/** What the guest waitlist action answers (app/workers/[ref]/waitlist-actions.ts). */
export type GuestWaitlistState = {
  issues?: Record<string, string>;
  values?: Record<string, string>;
  error?: "rateLimited" | "signedIn" | "failed";
  done?: "joined" | "already";
  email?: string;
};

// The action's own schema, loaded when the form is first used (components/lib/lazy-check.ts).
const validation = lazyModule(() => import("@/lib/validation/guest-waitlist"));

type Props = {
  workerId: string;
  serviceId: string;
  date: string;
  action: (state: GuestWaitlistState, form: FormData) => Promise<GuestWaitlistState>;
};

/**
 * "Join the waitlist" without an account: name, email, optional phone. A POST to a server action, so
 * it works with JavaScript off too; with JavaScript the fields are checked here first, by the
 * action's own schema. Joined, the guest is told to look for the confirmation with the leave link.
 */
export function GuestWaitlistForm({ workerId, serviceId, date, action }: Props) {
  const t = useTranslations("waitlist.guest");
  const [state, formAction, pending] = useActionState(action, {});
  const { errors: checked, check } = useFieldErrors();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    submitChecked(event, validation, (m) =>
      check(
        m.guestWaitlistFormSchema,
        Object.fromEntries(m.GUEST_WAITLIST_FIELDS.map((f) => [f, String(form.get(f) ?? "")])),
      ),
    );
  }

  if (state.done) {
    return (
      <p role="status" className="text-sm font-medium text-green-800">
        {t(state.done, { email: state.email ?? "" })}
      </p>
    );
  }
  const issues = Object.keys(checked).length > 0 ? checked : (state.issues ?? {});
  const error = !pending && state.error ? t(`errors.${state.error}`) : "";
  const value = (field: string) => state.values?.[field];
  return (
    <form action={formAction} onSubmit={onSubmit} onFocus={validation.preload} noValidate className="space-y-3">
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <input type="hidden" name="worker" value={workerId} />
      <input type="hidden" name="service" value={serviceId} />
      <input type="hidden" name="date" value={date} />
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
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" pending={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
