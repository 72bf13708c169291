import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatsChart } from "@/components/manage/stats-chart";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage.stats"))("title") };
}

export default async function ManageStatsChartPage() {
  const t = await getTranslations("manage.stats");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <StatsChart />
    </section>
  );
}
