import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { DayPicker } from "@/components/public/day-picker";
import { ServicePicker } from "@/components/public/service-picker";
import { ServiceTimes } from "@/components/public/service-times";
import { getPageCaller } from "@/lib/auth/page";
import { FALLBACK_TIME_ZONE, todayIn } from "@/lib/availability/calendar";
import { availabilityOffered } from "@/lib/availability/notice";
import { serviceAvailability } from "@/lib/availability/service-availability";
import { defaultTimeZone } from "@/lib/business/profile";
import { listServices } from "@/lib/catalog/services";
import { toServiceJson } from "@/lib/contract";
import { AppError } from "@/lib/errors";
import { addDaysToDate } from "@/lib/time/zoned";
import { isoDateSchema, refSchema } from "@/lib/validation/common";
import { bookAnySpecialist } from "./any-actions";
import { serviceFirstPath } from "./service-first-url";

/** How many days the day picker offers, today first. */
const DAYS = 14;
const REFUSED = ["no_worker_free", "client_busy", "failed"] as const;

/**
 * Service-first booking on /book without a worker: pick a service, then a day, then a time of any
 * worker performing it (side by side) or of "any specialist". Rendered on the server, links and one
 * form only, so it works without script.
 */
export async function ServiceFirst({ search }: { search: Record<string, string | string[] | undefined> }) {
  const t = await getTranslations("public.serviceFirst");
  const now = new Date();
  const [rows, zone] = await Promise.all([
    listServices({ limit: 200, offset: 0, includeInactive: false }),
    defaultTimeZone().catch(() => FALLBACK_TIME_ZONE),
  ]);
  const services = rows.map(toServiceJson);
  const serviceRef = refSchema.safeParse(search.service);
  const service = serviceRef.success
    ? services.find((s) => s.slug === serviceRef.data || s.id === serviceRef.data)
    : undefined;
  const today = todayIn(now, zone);
  const asked = isoDateSchema.safeParse(search.date);
  const date = asked.success && asked.data >= today ? asked.data : today;
  const refused = REFUSED.find((r) => r === search.refused);
  let items = null;
  if (service) {
    try {
      const caller = await getPageCaller();
      const answer = await serviceAvailability({ service: service.slug, date, limit: 50, offset: 0 }, now);
      items = (await availabilityOffered(answer, caller, now)).items;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  const days = Array.from({ length: DAYS }, (_, i) => addDaysToDate(today, i));
  return (
    <section className="mx-auto max-w-5xl space-y-5">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section aria-labelledby="service-heading" className="space-y-2">
        <h2 id="service-heading" className="text-lg font-medium">
          {t("chooseService")}
        </h2>
        <ServicePicker
          services={services}
          chosen={service?.slug}
          hrefFor={(slug) => serviceFirstPath({ service: slug, date })}
        />
      </section>
      {service && (
        <section aria-labelledby="day-heading" className="space-y-3">
          <h2 id="day-heading" className="text-lg font-medium">
            {t("chooseTime")}
          </h2>
          <DayPicker
            days={days}
            chosen={date}
            label={t("days")}
            hrefFor={(day) => serviceFirstPath({ service: service.slug, date: day })}
          />
          {refused && (
            <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
              {t(refused)}
            </p>
          )}
          {items && (
            <ServiceTimes
              items={items}
              service={{ id: service.id, slug: service.slug }}
              anyAction={bookAnySpecialist}
              formKey={randomUUID()}
              timeZone={items[0]?.timezone ?? zone}
            />
          )}
        </section>
      )}
    </section>
  );
}
