"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ApiError, apiFetch } from "@/lib/ui/api-client";
import { apiIssues, formIssues, optionalText } from "@/lib/ui/form-issues";
import { registerSchema } from "@/lib/validation/auth";

const FIELDS = ["name", "email", "password", "phone"] as const;
type FieldName = (typeof FIELDS)[number];

/**
 * Creates a client account (POST /auth/register) and signs it in at once. `onSignedIn` keeps the
 * visitor where they are (the booking flow); without it they go to `callbackUrl`.
 */
export function RegisterForm({ callbackUrl = "/", onSignedIn }: { callbackUrl?: string; onSignedIn?: () => void }) {
  const t = useTranslations("common.register");
  const [issues, setIssues] = useState<Partial<Record<FieldName, string>>>({});
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  const fieldError = (name: FieldName) => {
    const issue = issues[name];
    if (!issue) return undefined;
    return issue === "already_exists" ? t("errors.emailTaken") : t(`errors.${name}`);
  };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      phone: optionalText(form.get("phone")),
    };
    const found = formIssues(registerSchema, values);
    setIssues(found);
    setError("");
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      await apiFetch("/auth/register", { method: "POST", body: values });
      const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      if (!result || result.error) throw new Error("sign-in after registration failed");
    } catch (err) {
      setPending(false);
      if (err instanceof ApiError && err.code === "already_exists") setIssues({ email: "already_exists" });
      else if (err instanceof ApiError && err.code === "validation_failed") setIssues(apiIssues(err));
      else setError(t("errors.failed"));
      return;
    }
    setPending(false);
    if (onSignedIn) onSignedIn();
    else window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label={t("name")} error={fieldError("name")}>
        <input name="name" autoComplete="name" required className={inputClass} />
      </Field>
      <Field label={t("email")} error={fieldError("email")}>
        <input name="email" type="email" autoComplete="email" required className={inputClass} />
      </Field>
      <Field label={t("password")} hint={t("passwordHint")} error={fieldError("password")}>
        <input name="password" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <Field label={t("phone")} hint={t("optional")} error={fieldError("phone")}>
        <input name="phone" type="tel" autoComplete="tel" className={inputClass} />
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
