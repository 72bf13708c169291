import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui/states";
import { catalogOverview } from "@/db/queries/overview";

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

export default async function ManagePage() {
  const [t, common] = await Promise.all([getTranslations("manage"), getTranslations("common")]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Suspense fallback={<Skeleton label={common("loading")} rows={2} />}>
        <Overview />
      </Suspense>
    </section>
  );
}
