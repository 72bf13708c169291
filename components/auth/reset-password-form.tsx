"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { type AccountFormState, setNewPassword } from "@/lib/accounts/actions";
import { useLinkToken } from "./link-token";

/**
 * The new password, with the link's token: taken from the link's fragment when JavaScript runs (a
 * hidden field), else typed in from the email. A POST to a server action, which signs in on success.
 */
export function ResetPasswordForm() {
  const t = useTranslations("common.account");
  const [state, formAction, pending] = useActionState(setNewPassword, {} as AccountFormState);
  const linkToken = useLinkToken();
  const error = !pending && state.error ? t(`errors.${state.error}`) : "";
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {linkToken ? (
        <>
          <input type="hidden" name="token" value={linkToken} />
          <p className="text-sm text-slate-600">{t("reset.codeFound")}</p>
        </>
      ) : (
        <Field label={t("reset.code")} hint={t("reset.codeHint")}>
          <input name="token" type="text" autoComplete="one-time-code" spellCheck={false} className={inputClass} />
        </Field>
      )}
      <Field
        label={t("reset.password")}
        hint={t("reset.passwordHint")}
        error={state.error === "password" ? error : undefined}
      >
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          className={inputClass}
        />
      </Field>
      {error && state.error !== "password" && (
        <div role="alert" className="space-y-1 text-sm text-red-700">
          <p>{error}</p>
          {state.error === "invalidToken" && (
            <Link href="/forgot-password" className="text-brand-dark underline">
              {t("reset.askAgain")}
            </Link>
          )}
        </div>
      )}
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t("reset.submitting") : t("reset.submit")}
      </Button>
    </form>
  );
}
