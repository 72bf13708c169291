import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReportsView } from "@/components/reports/reports-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

/** The desk's and managers' reports (admin+, as the admin layout requires). */
export default async function AdminReportsPage() {
  const t = await getTranslations("reports");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ReportsView />
    </section>
  );
}
