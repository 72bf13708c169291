import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WorkerList } from "@/components/manage/catalog-lists";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage.workers"))("title") };
}

export default async function ManageWorkerPage() {
  const t = await getTranslations("manage.workers");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <WorkerList />
    </section>
  );
}
