import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WebhookManager } from "@/components/webhooks/webhook-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage.webhooks"))("title") };
}

export default async function ManageWebhooksPage() {
  const t = await getTranslations("manage.webhooks");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <WebhookManager />
    </section>
  );
}
