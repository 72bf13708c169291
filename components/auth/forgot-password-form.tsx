"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { type AccountFormState, askPasswordReset } from "@/lib/accounts/actions";

/**
 * Asks for a reset link: a POST to a server action (works with JavaScript off). The answer is the
 * same whether or not the address is registered.
 */
export function ForgotPasswordForm() {
  const t = useTranslations("common.account");
  const [state, formAction, pending] = useActionState(askPasswordReset, {} as AccountFormState);
  if (state.done) {
    return (
      <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
        {t("forgot.done")}
      </p>
    );
  }
  const error = !pending && state.error ? t(`errors.${state.error}`) : "";
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field label={t("forgot.email")} error={state.error === "email" ? error : undefined}>
        <input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          className={inputClass}
        />
      </Field>
      {error && state.error !== "email" && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t("forgot.submitting") : t("forgot.submit")}
      </Button>
    </form>
  );
}
