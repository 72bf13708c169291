import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatInZone, formatTime } from "@/components/lib/format";
import { zoneName } from "@/components/lib/zone-name";
import type { Locale } from "@/i18n/config";
import type { Availability } from "@/lib/contract";
import { unionOfStarts } from "./service-times-union";

const TIME = "inline-flex min-h-10 min-w-16 items-center justify-center rounded-md border px-3 text-sm";

/**
 * Service-first booking (issue #16): one day's free times of every worker performing the service,
 * side by side (stacked on a phone), and first an "Any specialist" row of every time anyone offers,
 * which books with `workerId: "any"` through `anyAction`: one form whose buttons each carry their
 * start, so it books without script. A worker's time links to the ordinary /book confirmation.
 */
export async function ServiceTimes({
  items,
  service,
  anyAction,
  formKey,
  timeZone,
}: {
  items: Availability["items"];
  service: { id: string; slug: string };
  anyAction: (form: FormData) => Promise<void>;
  /** Made when the page was rendered: submitting that page twice books once. */
  formKey: string;
  /** The zone the "any" row is shown in. */
  timeZone: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("public.serviceFirst"), getLocale() as Promise<Locale>]);
  const union = unionOfStarts(items);
  // Specialists in more than one zone: the "any" row's times each say their zone, not only the hint.
  const zoned = new Set(items.map((item) => item.timezone)).size > 1;
  const anyTime = (start: string) =>
    zoned
      ? `${formatTime(start, timeZone, locale)} ${formatInZone(start, timeZone, "zzz", locale)}`
      : formatTime(start, timeZone, locale);
  if (items.length === 0) return <p className="text-slate-600">{t("noWorkers")}</p>;
  return (
    <div className="space-y-4">
      <section aria-labelledby="any-heading" className="rounded-lg border border-brand bg-brand-light p-3">
        <h3 id="any-heading" className="font-semibold">
          {t("anySpecialist")}
        </h3>
        <p className="text-sm text-slate-700">{t("anyHint", { timezone: zoneName(timeZone, locale) })}</p>
        {union.length === 0 ? (
          <p className="mt-2 text-sm">{t("noTimes")}</p>
        ) : (
          <form action={anyAction} className="mt-2">
            <input type="hidden" name="service" value={service.id} />
            <input type="hidden" name="serviceSlug" value={service.slug} />
            <input type="hidden" name="key" value={formKey} />
            <ul className="flex flex-wrap gap-2">
              {union.map((slot) => (
                <li key={slot.start}>
                  <button
                    type="submit"
                    name="start"
                    value={slot.start}
                    aria-label={t("bookAnyAt", { time: anyTime(slot.start) })}
                    className={`${TIME} border-brand bg-white hover:bg-brand hover:text-white`}
                  >
                    <time dateTime={slot.start}>{anyTime(slot.start)}</time>
                  </button>
                </li>
              ))}
            </ul>
          </form>
        )}
      </section>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((item) => (
          <li key={item.worker.id} className="rounded-lg border border-slate-200 bg-white p-3">
            <h3 className="font-medium">
              <Link href={`/workers/${item.worker.slug}`} className="underline">
                {item.worker.name}
              </Link>
            </h3>
            <p className="text-xs text-slate-600">{t("timezone", { timezone: zoneName(item.timezone, locale) })}</p>
            {item.slots.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("noTimes")}</p>
            ) : (
              <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("timesOf", { name: item.worker.name })}>
                {item.slots.map((slot) => (
                  <li key={slot.start}>
                    <Link
                      href={`/book?${new URLSearchParams({ worker: item.worker.slug, service: service.slug, start: slot.start })}`}
                      className={`${TIME} border-slate-300 bg-white hover:border-brand`}
                    >
                      <time dateTime={slot.start}>{formatTime(slot.start, item.timezone, locale)}</time>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
