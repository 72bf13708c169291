import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OutboxList } from "@/components/notifications/outbox-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.notifications.outbox"))("title") };
}

export default async function ManageOutboxPage() {
  const t = await getTranslations("common.notifications.outbox");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <OutboxList />
    </section>
  );
}
