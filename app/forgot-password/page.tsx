import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.account.forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("common.account.forgot");
  return (
    <section className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <ForgotPasswordForm />
      <p className="text-sm">
        <Link href="/login" className="text-brand-dark underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </section>
  );
}
