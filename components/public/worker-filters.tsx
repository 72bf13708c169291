import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";

type Option = { slug: string; name: string };
export type WorkerFilterValues = { q?: string; specialty?: string; service?: string; location?: string };

/**
 * The search of the home page: a plain GET form, so the filters live in the URL (shareable, and it
 * works without JavaScript). Labels are tied by id; the page renders one form only.
 */
export async function WorkerFilters({
  values,
  specialties,
  services,
  locations,
}: {
  values: WorkerFilterValues;
  specialties: Option[];
  services: Option[];
  locations: Option[];
}) {
  const t = await getTranslations("public.search");
  const select = (name: keyof WorkerFilterValues, label: string, options: Option[]) => (
    <div className="space-y-1">
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={values[name] ?? ""} className={inputClass}>
        <option value="">{t("any")}</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
  const chosen = (["specialty", "service", "location"] as const).filter((name) => values[name]).length;
  return (
    <search aria-label={t("label")}>
      <form
        method="get"
        action="/"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      >
        <div className="space-y-1">
          <label htmlFor="filter-q" className="block text-sm font-medium">
            {t("name")}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={values.q ?? ""} className={inputClass} />
        </div>
        {/* On a phone the three filters fold away, so the first specialists show on the first screen
            (the toggle says how many are chosen). From sm on they are always shown (app/globals.css). */}
        <details className="filter-fold">
          <summary className="min-h-10 cursor-pointer rounded-md py-2 text-sm font-medium text-brand-dark">
            {t("filters", { count: chosen })}
          </summary>
          <div className="mt-2 grid gap-3 sm:contents">
            {select("specialty", t("specialty"), specialties)}
            {select("service", t("service"), services)}
            {select("location", t("location"), locations)}
          </div>
        </details>
        <div className="flex items-end">
          <button
            type="submit"
            className="min-h-10 w-full rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark"
          >
            {t("submit")}
          </button>
        </div>
      </form>
    </search>
  );
}
