import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BusinessForm } from "@/components/manage/business-form";
import { getBusiness } from "@/lib/business/profile";
import { acceptedTimeZones } from "@/lib/catalog/time-zones";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage.business"))("heading") };
}

/** The business profile and booking policy (GET|PATCH /business), read before the first byte. */
export default async function ManageBusinessPage() {
  const [business, zones, t] = await Promise.all([
    getBusiness(),
    acceptedTimeZones(),
    getTranslations("manage.business"),
  ]);
  return (
    <section aria-labelledby="business-heading" className="space-y-4">
      <h1 id="business-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h1>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <BusinessForm initial={business} zones={zones} />
      </div>
    </section>
  );
}
