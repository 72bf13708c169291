"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { type AccountFormState, confirmEmail } from "@/lib/accounts/actions";
import { useLinkToken } from "./link-token";

/**
 * Uses the verification link: with JavaScript the token is read from the link's fragment and sent at
 * once; without it, the code from the email is typed in and sent with the button.
 */
export function VerifyEmailForm() {
  const t = useTranslations("common.account");
  const [state, formAction, pending] = useActionState(confirmEmail, {} as AccountFormState);
  const linkToken = useLinkToken();
  const form = useRef<HTMLFormElement>(null);
  const sent = useRef(false);

  useEffect(() => {
    if (linkToken && !sent.current) {
      sent.current = true;
      form.current?.requestSubmit();
    }
  }, [linkToken]);

  if (state.done) {
    return (
      <div
        role="status"
        className="space-y-2 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900"
      >
        <p>{t("verify.done")}</p>
        <Link href="/" className="text-brand-dark underline">
          {t("verify.home")}
        </Link>
      </div>
    );
  }
  const error = !pending && state.error ? t(`errors.${state.error}`) : "";
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      {linkToken ? (
        <input type="hidden" name="token" value={linkToken} />
      ) : (
        <Field label={t("verify.code")} hint={t("verify.codeHint")}>
          <input name="token" type="text" autoComplete="one-time-code" spellCheck={false} className={inputClass} />
        </Field>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t("verify.submitting") : t("verify.submit")}
      </Button>
    </form>
  );
}
