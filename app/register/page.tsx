import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/auth/register-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.register"))("title") };
}

export default async function RegisterPage() {
  const t = await getTranslations("common.register");
  return (
    <section className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <RegisterForm callbackUrl="/appointments" />
      <p className="text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/login" className="text-brand-dark underline">
          {t("signInLink")}
        </Link>
      </p>
    </section>
  );
}
