import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerifyEmailForm } from "@/components/auth/verify-email-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.account.verify"))("title") };
}

/** Opened from the emailed link, whose token is in the fragment (read by the form, never by the server). */
export default async function VerifyEmailPage() {
  const t = await getTranslations("common.account.verify");
  return (
    <section className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <VerifyEmailForm />
    </section>
  );
}
