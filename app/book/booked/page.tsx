import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BookingContacts } from "@/components/booking/booking-contacts";
import { formatDateTime } from "@/components/lib/format";
import { zoneName } from "@/components/lib/zone-name";
import type { Locale } from "@/i18n/config";
import { FALLBACK_TIME_ZONE } from "@/lib/availability/calendar";
import { getBusiness } from "@/lib/business/profile";
import { findService } from "@/lib/catalog/services";
import { toWorkersJson } from "@/lib/catalog/worker-json";
import { findWorker } from "@/lib/catalog/workers";
import { instantTextSchema, refSchema } from "@/lib/validation/common";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("guest.booked"))("title") };
}

/**
 * Where a guest lands after "Book as a guest" (app/book/guest-actions.ts): what was booked (from the
 * URL: the worker, the service and the time, nothing of the guest's), where, the business's contacts,
 * and that the link to manage the booking is in their email. The booking itself opens only with that
 * link: nothing here reads or reveals it.
 */
export default async function GuestBookedPage({ searchParams }: Props) {
  const search = await searchParams;
  const worker = refSchema.safeParse(search.worker);
  const service = refSchema.safeParse(search.service);
  const start = instantTextSchema.safeParse(search.start);
  if (!worker.success || !service.success || !start.success) notFound();
  const [t, tBook, locale, workerRow, serviceRow, business] = await Promise.all([
    getTranslations("guest.booked"),
    getTranslations("public.book"),
    getLocale() as Promise<Locale>,
    findWorker(worker.data),
    findService(service.data),
    getBusiness(),
  ]);
  if (!workerRow || !serviceRow) notFound();
  const [w] = await toWorkersJson([workerRow]);
  if (!w) notFound();
  const timeZone = w.location?.timezone ?? FALLBACK_TIME_ZONE;
  return (
    <section className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-4">
        {t("emailed")}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <dt className="font-medium text-slate-600">{tBook("service")}</dt>
        <dd>{serviceRow.name}</dd>
        <dt className="font-medium text-slate-600">{tBook("worker")}</dt>
        <dd>{w.name}</dd>
        <dt className="font-medium text-slate-600">{tBook("when")}</dt>
        <dd>
          <time dateTime={start.data}>{formatDateTime(start.data, timeZone, locale)}</time>
          <span className="block text-slate-600">{tBook("timezone", { timezone: zoneName(timeZone, locale) })}</span>
        </dd>
      </dl>
      {w.location && (
        <BookingContacts location={{ name: w.location.name, address: w.location.address }} business={business} />
      )}
      <p className="text-sm text-slate-600">{t("noMail")}</p>
      <Link href="/book" className="inline-flex min-h-10 items-center text-sm font-medium text-brand-dark underline">
        {t("bookAnother")}
      </Link>
    </section>
  );
}
