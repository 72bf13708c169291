"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { optionalText } from "@/components/lib/form-errors";
import { lazyModule, submitChecked } from "@/components/lib/lazy-check";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import type { AuthFormState } from "@/lib/auth/form-state";
import { registerAndSignIn } from "@/lib/auth/register-action";

const FIELDS = ["name", "email", "password", "phone"] as const;
type FieldName = (typeof FIELDS)[number];

// The shared schema, loaded when the form is first used (components/lib/lazy-check.ts).
const validation = lazyModule(() => import("@/lib/validation/auth"));

/**
 * Creates a client account and signs it in at once, through a server action: a POST that works with
 * JavaScript off, so the password never lands in a URL. `onSignedIn` keeps the visitor where they
 * are (the booking flow); without it they go to `callbackUrl` (same-site paths only).
 */
export function RegisterForm({ callbackUrl = "/", onSignedIn }: { callbackUrl?: string; onSignedIn?: () => void }) {
  const t = useTranslations("common.register");
  const [state, formAction, pending] = useActionState(registerAndSignIn, {} as AuthFormState);
  const { errors: checked, check } = useFieldErrors();
  const signedIn = useRef(onSignedIn);
  signedIn.current = onSignedIn;

  useEffect(() => {
    if (state.signedIn) signedIn.current?.();
  }, [state]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    submitChecked(event, validation, (m) =>
      check(m.registerSchema, {
        name: String(form.get("name") ?? ""),
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        phone: optionalText(form.get("phone")),
      }),
    );
  }

  const issues = Object.keys(checked).length > 0 ? checked : (state.issues ?? {});
  const fieldError = (name: FieldName) => {
    const issue = issues[name];
    if (!issue) return undefined;
    return issue === "already_exists" ? t("errors.emailTaken") : t(`errors.${name}`);
  };
  const error =
    !pending && state.error ? t(state.error === "rateLimited" ? "errors.rateLimited" : "errors.failed") : "";
  const typed = state.values ?? {};

  return (
    <form action={formAction} onSubmit={onSubmit} onFocus={validation.preload} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {onSignedIn && <input type="hidden" name="stay" value="1" />}
      <Field label={t("name")} error={fieldError("name")}>
        <input name="name" autoComplete="name" required defaultValue={typed.name} className={inputClass} />
      </Field>
      <Field label={t("email")} error={fieldError("email")}>
        <input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={typed.email}
          className={inputClass}
        />
      </Field>
      <Field label={t("password")} hint={t("passwordHint")} error={fieldError("password")}>
        <input name="password" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <Field label={t("phone")} hint={t("optional")} error={fieldError("phone")}>
        <input name="phone" type="tel" autoComplete="tel" defaultValue={typed.phone} className={inputClass} />
      </Field>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" pending={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
