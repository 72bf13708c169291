import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DayBoard } from "@/components/admin/day-board";
import { Skeleton } from "@/components/ui/states";
import { listLocations } from "@/lib/catalog/locations";
import { listSpecialties } from "@/lib/catalog/specialties";
import { toLocationJson, toSpecialtyJson } from "@/lib/contract";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

/** The board's filters come from the server: workplaces (rooms have no workers) and specialties. */
async function Board() {
  const [locations, specialties] = await Promise.all([
    listLocations({ kind: "workplace", limit: 200, offset: 0 }),
    listSpecialties({ limit: 200, offset: 0 }),
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
