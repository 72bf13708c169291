import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SlotList } from "@/components/booking/slot-list";
import { query } from "@/components/lib/api-client";
import { bookableDays } from "@/components/lib/booking";
import { DayPicker } from "@/components/public/day-picker";
import { ServicePicker } from "@/components/public/service-picker";
import { WorkerAvatar } from "@/components/public/worker-avatar";
import { EmptyState } from "@/components/ui/states";
import { FALLBACK_TIME_ZONE, todayIn } from "@/lib/availability/calendar";
import { workerSlots } from "@/lib/availability/worker-slots";
import { toWorkersJson } from "@/lib/catalog/worker-json";
import { findWorker } from "@/lib/catalog/workers";
import { AppError } from "@/lib/errors";
import { zonedDateOf } from "@/lib/time/zoned";

type Props = { params: Promise<{ ref: string }>; searchParams: Promise<{ service?: string; date?: string }> };

// No loading.tsx in this segment: a streamed skeleton would send 200 before notFound() could answer 404.
async function activeWorker(ref: string) {
  const row = await findWorker(ref);
  if (!row?.active) notFound();
  const [worker] = await toWorkersJson([row]);
  return worker ?? notFound();
}

/** The local day of the worker's first free slot for the service, so the page opens on a day with times. */
async function firstFreeDay(workerSlug: string, serviceSlug: string): Promise<string | undefined> {
  try {
    const { timezone, slots } = await workerSlots(workerSlug, { service: serviceSlug }, new Date());
    return slots[0] && zonedDateOf(new Date(slots[0].start), timezone);
  } catch (err) {
    if (err instanceof AppError) return undefined;
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const row = await findWorker((await params).ref);
  return { title: row?.active ? row.name : (await getTranslations("common.notFound"))("title") };
}

export default async function WorkerPage({ params, searchParams }: Props) {
  const [{ ref }, search, t] = await Promise.all([params, searchParams, getTranslations("public.worker")]);
  const worker = await activeWorker(ref);
  const timeZone = worker.location?.timezone ?? FALLBACK_TIME_ZONE;
  const days = bookableDays(todayIn(new Date(), timeZone), worker.bookingHorizonDays);
  const service =
    worker.services.find((s) => s.slug === search.service || s.id === search.service) ?? worker.services[0];
  const date =
    search.date && days.includes(search.date)
      ? search.date
      : ((service && (await firstFreeDay(worker.slug, service.slug))) ?? (days[0] as string));
  // On the server, so the times are links before (or without) any script in the browser.
  const slots = service && (await workerSlots(worker.slug, { service: service.slug, date }, new Date()));
  const href = (p: { service?: string; date?: string }) =>
    `/workers/${worker.slug}${query({ service: p.service ?? service?.slug, date: p.date ?? date })}`;

  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-start gap-4">
        <WorkerAvatar name={worker.name} url={worker.avatarUrl} size="lg" />
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-semibold">{worker.name}</h1>
          {worker.specialty && <p className="text-slate-700">{worker.specialty.name}</p>}
          {worker.location && (
            <p className="text-sm text-slate-600">
              {worker.location.name}
              {worker.location.address && `, ${worker.location.address}`}
            </p>
          )}
        </div>
      </header>
      {worker.bio && <p className="max-w-prose whitespace-pre-line text-slate-700">{worker.bio}</p>}

      <section aria-labelledby="services-heading" className="space-y-3">
        <h2 id="services-heading" className="text-lg font-semibold">
          {t("services")}
        </h2>
        {service ? (
          <ServicePicker services={worker.services} chosen={service.slug} hrefFor={(s) => href({ service: s })} />
        ) : (
          <EmptyState>{t("noServices")}</EmptyState>
        )}
      </section>

      {service && (
        <section aria-labelledby="slots-heading" className="space-y-3">
          <h2 id="slots-heading" className="text-lg font-semibold">
            {t("freeTimes", { service: service.name })}
          </h2>
          <DayPicker days={days} chosen={date} label={t("day")} hrefFor={(d) => href({ date: d })} />
          <SlotList worker={worker.slug} service={service.slug} date={date} initial={slots || undefined} />
        </section>
      )}
    </article>
  );
}
