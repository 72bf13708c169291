import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WorkerDirectory } from "@/components/public/worker-directory";
import { WorkerFilters, type WorkerFilterValues } from "@/components/public/worker-filters";
import { listLocations } from "@/lib/catalog/locations";
import { listServices } from "@/lib/catalog/services";
import { listSpecialties } from "@/lib/catalog/specialties";
import { workerListQuerySchema } from "@/lib/validation/catalog";

type Search = { denied?: string; q?: string; specialty?: string; service?: string; location?: string; page?: string };

/** Filters from the URL; one that fails the API's own query schema is dropped, not an error page. */
function filtersFrom(search: Search): WorkerFilterValues {
  const values: WorkerFilterValues = {};
  for (const key of ["q", "specialty", "service", "location"] as const) {
    const value = typeof search[key] === "string" ? search[key]?.trim() : undefined;
    if (value && workerListQuerySchema.shape[key].safeParse(value).success) values[key] = value;
  }
  return values;
}

export default async function HomePage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const filters = filtersFrom(search);
  const page = Math.min(Math.max(Math.trunc(Number(search.page)) || 1, 1), 1000);
  const all = { limit: 200, offset: 0 };
  const [t, specialties, services, locations] = await Promise.all([
    getTranslations("public.home"),
    listSpecialties(all),
    listServices({ ...all, includeInactive: false }),
    listLocations({ ...all, kind: "workplace" }),
  ]);
  return (
    <div className="space-y-6">
      {search.denied && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          {t("denied")}
        </p>
      )}
      <section className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-600">
          {t("intro")}{" "}
          <Link className="text-brand-dark underline" href="/rooms">
            {t("roomsLink")}
          </Link>
        </p>
      </section>
      <WorkerFilters values={filters} specialties={specialties} services={services} locations={locations} />
      {/* Rendered into the first HTML, next free times included: no skeleton, and no script needed (a
          streamed Suspense boundary stays hidden in a browser without JavaScript). */}
      <WorkerDirectory filters={filters} page={page} />
    </div>
  );
}
