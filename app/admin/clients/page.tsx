import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientList } from "@/components/admin/client-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.clients"))("title") };
}

export default async function AdminClientsPage() {
  const t = await getTranslations("admin.clients");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ClientList />
    </section>
  );
}
