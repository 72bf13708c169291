import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DayBoard } from "@/components/admin/day-board";
import { collectPages } from "@/components/lib/all-pages";
import { Skeleton } from "@/components/ui/states";
import { listLocations } from "@/lib/catalog/locations";
import { listSpecialties } from "@/lib/catalog/specialties";
import { toLocationJson, toSpecialtyJson } from "@/lib/contract";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

/** The board's filters come from the server: workplaces (rooms have no workers) and specialties. */
async function Board() {
  // Every page of each: a business with more than one page of workplaces still sees them all.
  const [locations, specialties] = await Promise.all([
    collectPages((offset, limit) => listLocations({ kind: "workplace", limit, offset })),
    collectPages((offset, limit) => listSpecialties({ limit, offset })),
  ]);
  return <DayBoard locations={locations.map(toLocationJson)} specialties={specialties.map(toSpecialtyJson)} />;
}

export default async function AdminPage() {
  const [t, common] = await Promise.all([getTranslations("admin"), getTranslations("common")]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Suspense fallback={<Skeleton label={common("loading")} rows={6} />}>
        <Board />
      </Suspense>
    </section>
  );
}
