import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SpecialtyList } from "@/components/manage/catalog-lists";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage.specialties"))("title") };
}

export default async function ManageSpecialtyPage() {
  const t = await getTranslations("manage.specialties");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <SpecialtyList />
    </section>
  );
}
