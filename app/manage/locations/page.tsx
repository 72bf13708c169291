import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocationList } from "@/components/manage/catalog-lists";
import { setUpTimeZone } from "@/lib/business/profile";
import { acceptedTimeZones } from "@/lib/catalog/time-zones";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage.locations"))("title") };
}

export default async function ManageLocationPage() {
  const t = await getTranslations("manage.locations");
  // Only zones the server will accept are offered; the browser may know zones the database does not.
  const zones = await acceptedTimeZones();
  // A business that was set up gives new locations its zone; until then the browser's own is likelier.
  const defaultZone = await setUpTimeZone();
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <LocationList zones={zones} defaultZone={defaultZone} />
    </section>
  );
}
