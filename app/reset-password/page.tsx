import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.account.reset"))("title") };
}

/** Opened from the emailed link, whose token is in the fragment (read by the form, never by the server). */
export default async function ResetPasswordPage() {
  const t = await getTranslations("common.account.reset");
  return (
    <section className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <ResetPasswordForm />
    </section>
  );
}
