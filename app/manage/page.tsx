import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui/states";
import { getBusiness } from "@/lib/business/profile";
import { catalogOverview } from "@/lib/catalog/overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage"))("title") };
}

async function Overview() {
  const [counts, t] = await Promise.all([catalogOverview(), getTranslations("manage.overview")]);
  const cards = [
    ["locations", counts.locations],
    ["workers", counts.workers],
    ["services", counts.services],
    ["staff", counts.staff],
    ["upcoming", counts.upcoming],
  ] as const;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {cards.map(([key, value]) => (
        <div key={key} className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">{t(key)}</dt>
          <dd className="text-2xl font-semibold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

async function BusinessSummary() {
  const [business, t] = await Promise.all([getBusiness(), getTranslations("manage.business")]);
  return (
    <section aria-labelledby="business-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="business-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm">
        {business.name} · {business.defaultTimezone} · {business.currency}
      </p>
      <Link href="/manage/business" className="text-sm font-medium text-brand-dark underline">
        {t("open")}
      </Link>
    </section>
  );
}

export default async function ManagePage() {
  const [t, common] = await Promise.all([getTranslations("manage"), getTranslations("common")]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Suspense fallback={<Skeleton label={common("loading")} rows={2} />}>
        <Overview />
      </Suspense>
      <Suspense fallback={<Skeleton label={common("loading")} rows={2} />}>
        <BusinessSummary />
      </Suspense>
    </section>
  );
}
