"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { LoginForm } from "@/components/auth/login-form";

// Loaded when "I am new here" is chosen: the sign-in form is what the page opens with, and /book is
// held to the public JS budget (without script the register page is a link away).
const RegisterForm = dynamic(() => import("@/components/auth/register-form").then((m) => m.RegisterForm));

/** Sign in or create an account without leaving the chosen slot. */
export function InlineAuth({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useTranslations("public.book");
  const [mode, setMode] = useState<"signIn" | "register">("signIn");
  const tab = (value: typeof mode, label: string) => (
    <button
      type="button"
      aria-pressed={mode === value}
      onClick={() => setMode(value)}
      className="min-h-10 flex-1 rounded-md px-3 py-2 text-sm font-medium text-slate-700 aria-pressed:bg-white aria-pressed:text-brand-dark aria-pressed:shadow"
    >
      {label}
    </button>
  );
  return (
    <section aria-labelledby="auth-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="auth-heading" className="text-lg font-semibold">
        {t("authHeading")}
      </h2>
      <div className="flex gap-1 rounded-lg bg-slate-100 p-1">
        {tab("signIn", t("haveAccount"))}
        {tab("register", t("newClient"))}
      </div>
      {mode === "signIn" ? <LoginForm onSignedIn={onSignedIn} /> : <RegisterForm onSignedIn={onSignedIn} />}
    </section>
  );
}
