import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/auth/register-form";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.register"))("title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ callbackUrl }, t] = await Promise.all([searchParams, getTranslations("common.register")]);
  // A new client lands on their appointments unless they came from somewhere on this site.
  const safeCallback = safeRedirectPath(callbackUrl, { fallback: "/appointments" });
  return (
    <section className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <RegisterForm callbackUrl={safeCallback} />
      <p className="text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link
          href={callbackUrl ? `/login?callbackUrl=${encodeURIComponent(safeCallback)}` : "/login"}
          className="text-brand-dark underline"
        >
          {t("signInLink")}
        </Link>
      </p>
    </section>
  );
}
