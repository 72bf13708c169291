"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { type AccountFormState, resendVerificationLink } from "@/lib/accounts/actions";

/** The banner's button: emails a fresh verification link (a POST, without JavaScript too). */
export function ResendVerification() {
  const t = useTranslations("common.account");
  const [state, formAction, pending] = useActionState(resendVerificationLink, {} as AccountFormState);
  if (state.done) return <span role="status">{t("banner.sent")}</span>;
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      <Button type="submit" variant="secondary" pending={pending}>
        {pending ? t("banner.resending") : t("banner.resend")}
      </Button>
      {!pending && state.error && (
        <span role="alert" className="text-red-700">
          {t(`errors.${state.error}`)}
        </span>
      )}
    </form>
  );
}
