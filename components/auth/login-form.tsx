"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { lazyModule, submitChecked } from "@/components/lib/lazy-check";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import type { AuthFormState } from "@/lib/auth/form-state";
import { signInWithPassword } from "@/lib/auth/sign-in-action";

type ErrorKey = "wrongCredentials" | "blocked" | "rateLimited" | "unavailable" | "failed";

/** next-auth's error names (in `/login?error=` after its own sign-in), to the message keys of common.login.errors. */
const NEXT_AUTH_ERRORS: Record<string, ErrorKey> = {
  CredentialsSignin: "wrongCredentials",
  account_blocked: "blocked",
  rate_limited: "rateLimited",
  unavailable: "unavailable",
};
const ERROR_KEYS = new Set<string>(["wrongCredentials", "blocked", "rateLimited", "unavailable", "failed"]);

// The shared schema, loaded when the form is first used (components/lib/lazy-check.ts).
const validation = lazyModule(() => import("@/lib/validation/auth"));

type Props = {
  /** Where to go after signing in; the server keeps only same-site paths. Ignored with `onSignedIn`. */
  callbackUrl?: string;
  initialError?: string;
  /** Stay on the page instead: the booking flow signs in without leaving the slot. */
  onSignedIn?: () => void;
};

/**
 * A POST to a server action, so it signs in with JavaScript off too and the password never lands in
 * a URL; with JavaScript the fields are checked here first, by the API's own schema.
 */
export function LoginForm({ callbackUrl = "/", initialError, onSignedIn }: Props) {
  const t = useTranslations("common.login");
  const initial: AuthFormState = initialError ? { error: NEXT_AUTH_ERRORS[initialError] ?? "failed" } : {};
  const [state, formAction, pending] = useActionState(signInWithPassword, initial);
  const { errors: checked, check } = useFieldErrors();
  const signedIn = useRef(onSignedIn);
  signedIn.current = onSignedIn;

  useEffect(() => {
    if (state.signedIn) signedIn.current?.();
  }, [state]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    submitChecked(event, validation, (m) =>
      check(m.credentialsSchema, { email: form.get("email"), password: form.get("password") }),
    );
  }

  // The browser's own check when it found something, else what the server answered.
  const issues = Object.keys(checked).length > 0 ? checked : (state.issues ?? {});
  const error = !pending && state.error && ERROR_KEYS.has(state.error) ? t(`errors.${state.error as ErrorKey}`) : "";
  return (
    <form action={formAction} onSubmit={onSubmit} onFocus={validation.preload} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {onSignedIn && <input type="hidden" name="stay" value="1" />}
      <Field label={t("email")} error={issues.email && t("errors.email")}>
        <input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values?.email}
          className={inputClass}
        />
      </Field>
      <Field label={t("password")} error={issues.password && t("errors.password")}>
        <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="text-brand-dark underline">
          {t("forgot")}
        </Link>
      </p>
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
