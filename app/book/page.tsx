import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { BookingFlow } from "@/components/booking/booking-flow";
import { findService } from "@/db/queries/services";
import { findWorker, toWorkersJson } from "@/db/queries/workers";
import type { Locale } from "@/i18n/config";
import { getPageCaller } from "@/lib/auth/page";
import { FALLBACK_TIME_ZONE } from "@/lib/availability/calendar";
import { zonedDateOf } from "@/lib/time/zoned";
import { formatDateTime, formatPrice } from "@/lib/ui/format";
import { refSchema } from "@/lib/validation/common";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.book"))("title") };
}

const bookSearchSchema = z.object({
  worker: refSchema,
  service: refSchema,
  start: z.iso.datetime({ offset: true }),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BookPage({ searchParams }: Props) {
  const [search, t, locale] = await Promise.all([
    searchParams,
    getTranslations("public.book"),
    getLocale() as Promise<Locale>,
  ]);
  const parsed = bookSearchSchema.safeParse(search);
  if (!parsed.success) {
    return (
      <section className="space-y-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p>
          {t("noSlotChosen")}{" "}
          <Link href="/" className="text-brand-dark underline">
            {t("findWorker")}
          </Link>
        </p>
      </section>
    );
  }
  const { start } = parsed.data;
  const [workerRow, service, caller] = await Promise.all([
    findWorker(parsed.data.worker),
    findService(parsed.data.service),
    getPageCaller(),
  ]);
  if (!workerRow?.active || !service?.active) notFound();
  const [worker] = await toWorkersJson([workerRow]);
  if (!worker) notFound();
  const timeZone = worker.location?.timezone ?? FALLBACK_TIME_ZONE;

  return (
    <section className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <dt className="font-medium text-slate-600">{t("service")}</dt>
        <dd>
          {service.name} · {t("minutes", { count: service.durationMinutes })} ·{" "}
          {formatPrice(service.price, service.currency, locale)}
        </dd>
        <dt className="font-medium text-slate-600">{t("worker")}</dt>
        <dd>
          <Link href={`/workers/${worker.slug}`} className="underline">
            {worker.name}
          </Link>
        </dd>
        {worker.location && (
          <>
            <dt className="font-medium text-slate-600">{t("location")}</dt>
            <dd>
              {worker.location.name}
              {worker.location.address && `, ${worker.location.address}`}
            </dd>
          </>
        )}
        <dt className="font-medium text-slate-600">{t("when")}</dt>
        <dd>
          <time dateTime={start}>{formatDateTime(start, timeZone, locale)}</time>
          <span className="block text-slate-600">{t("timezone", { timezone: timeZone })}</span>
        </dd>
      </dl>
      <BookingFlow
        key={start}
        worker={{ id: worker.id, slug: worker.slug }}
        service={{ id: service.id, slug: service.slug }}
        start={start}
        date={zonedDateOf(new Date(start), timeZone)}
        signedIn={caller !== null}
      />
    </section>
  );
}
