import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.login");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const [{ callbackUrl, error }, t] = await Promise.all([searchParams, getTranslations("common.login")]);
  // Only same-site paths (the action checks again: the hidden field can be changed).
  const safeCallback = safeRedirectPath(callbackUrl);
  return (
    <section className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <LoginForm callbackUrl={safeCallback} initialError={error} />
      <p className="text-sm text-slate-600">
        {t("newHere")}{" "}
        <Link
          href={callbackUrl ? `/register?callbackUrl=${encodeURIComponent(safeCallback)}` : "/register"}
          className="text-brand-dark underline"
        >
          {t("registerLink")}
        </Link>
      </p>
    </section>
  );
}
