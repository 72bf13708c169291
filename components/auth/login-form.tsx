"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { formIssues } from "@/lib/ui/form-issues";
import { credentialsSchema } from "@/lib/validation/auth";

/** next-auth's error names for a refused sign-in, to the message keys of common.login.errors. */
const ERROR_KEYS: Record<string, "wrongCredentials" | "blocked" | "rateLimited" | "unavailable"> = {
  CredentialsSignin: "wrongCredentials",
  account_blocked: "blocked",
  rate_limited: "rateLimited",
  unavailable: "unavailable",
};

type Props = {
  /** Where to go after signing in (a full navigation). Ignored when `onSignedIn` is given. */
  callbackUrl?: string;
  initialError?: string;
  /** Stay on the page instead: the booking flow signs in without leaving the slot. */
  onSignedIn?: () => void;
};

export function LoginForm({ callbackUrl = "/", initialError, onSignedIn }: Props) {
  const t = useTranslations("common.login");
  const errorText = (name: string) => t(`errors.${ERROR_KEYS[name] ?? "failed"}`);
  const [error, setError] = useState(initialError ? errorText(initialError) : "");
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    const found = formIssues(credentialsSchema, values);
    setIssues(found);
    setError("");
    if (Object.keys(found).length > 0) return;
    setPending(true);
    const result = await signIn("credentials", { ...values, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setError(errorText(result?.error ?? ""));
      return;
    }
    if (onSignedIn) onSignedIn();
    // A full navigation, so server components render with the new session cookie.
    else window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label={t("email")} error={issues.email && t("errors.email")}>
        <input name="email" type="email" autoComplete="email" required className={inputClass} />
      </Field>
      <Field label={t("password")} error={issues.password && t("errors.password")}>
        <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
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
