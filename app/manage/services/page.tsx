import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ServiceList } from "@/components/manage/catalog-lists";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage.services"))("title") };
}

export default async function ManageServicePage() {
  const t = await getTranslations("manage.services");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ServiceList />
    </section>
  );
}
