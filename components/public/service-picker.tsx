import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatPrice } from "@/components/lib/format";
import type { Locale } from "@/i18n/config";
import type { Service } from "@/lib/contract";

/** The worker's services with price and duration; choosing one is a link, so it needs no script. */
export async function ServicePicker({
  services,
  chosen,
  hrefFor,
}: {
  services: Service[];
  chosen?: string;
  hrefFor: (serviceSlug: string) => string;
}) {
  const [t, locale] = await Promise.all([getTranslations("public.worker"), getLocale() as Promise<Locale>]);
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {services.map((s) => {
        const current = s.slug === chosen;
        return (
          <li key={s.id}>
            <Link
              href={hrefFor(s.slug)}
              scroll={false}
              aria-current={current ? "true" : undefined}
              className={`block rounded-lg border p-3 hover:border-brand ${
                current ? "border-brand bg-brand-light" : "border-slate-200 bg-white"
              }`}
            >
              <span className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">{s.name}</span>
                <span className="text-sm">
                  {formatPrice(s.price, s.currency, locale)} · {t("minutes", { count: s.durationMinutes })}
                </span>
              </span>
              {s.description && <span className="mt-1 block text-sm text-slate-600">{s.description}</span>}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
