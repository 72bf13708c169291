import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SlotLinks } from "@/components/booking/slot-links";
import { query } from "@/components/lib/api-client";
import { formatDay, formatTime } from "@/components/lib/format";
import { zoneName } from "@/components/lib/zone-name";
import { MonthCalendar } from "@/components/public/month-calendar";
import { addMonths, isMonth, monthDays, monthOf } from "@/components/public/month-calendar-grid";
import { ServicePicker } from "@/components/public/service-picker";
import { WorkerAvatar } from "@/components/public/worker-avatar";
import { EmptyState } from "@/components/ui/states";
import { WaitlistDayForm } from "@/components/waitlist/waitlist-day-form";
import { WaitlistJoin } from "@/components/waitlist/waitlist-join";
import type { Locale } from "@/i18n/config";
import { getPageCaller } from "@/lib/auth/page";
import type { Caller } from "@/lib/auth/roles";
import { workerAvailableDays } from "@/lib/availability/available-days";
import { FALLBACK_TIME_ZONE, todayIn } from "@/lib/availability/calendar";
import { noticeStart, slotsOffered } from "@/lib/availability/notice";
import { workerSlots } from "@/lib/availability/worker-slots";
import { toWorkersJson } from "@/lib/catalog/worker-json";
import { findWorker } from "@/lib/catalog/workers";
import type { AvailableDay, AvailableDays } from "@/lib/contract/available-days";
import { AppError } from "@/lib/errors";
import { addDaysToDate } from "@/lib/time/zoned";
import { isoDateSchema } from "@/lib/validation/common";
import { joinWaitlistAsGuestAction } from "./waitlist-actions";

type Props = {
  params: Promise<{ ref: string }>;
  searchParams: Promise<{ service?: string; date?: string; month?: string }>;
};

/** The longest range one available-days request covers. */
const MAX_DAYS = 62;

// No loading.tsx in this segment: a streamed skeleton would send 200 before notFound() could answer 404.
async function activeWorker(ref: string) {
  const row = await findWorker(ref);
  if (!row?.active) notFound();
  const [worker] = await toWorkersJson([row]);
  return worker ?? notFound();
}

/**
 * The worker's days `from`..`to` for the service as offered to the caller (`earliest`: the notice);
 * null when the worker or service went away meanwhile.
 */
async function daysOf(
  worker: string,
  service: string,
  from: string,
  to: string,
  earliest: Date | null,
): Promise<AvailableDays | null> {
  try {
    return await workerAvailableDays(worker, { service, from, to }, new Date(), earliest);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

type FreeDay = AvailableDay & { first: string };
/** One day's slots as offered to the caller; undefined when the worker or service went away meanwhile. */
async function daySlots(worker: string, service: string, date: string, caller: Caller | null) {
  try {
    const now = new Date();
    return await slotsOffered(await workerSlots(worker, { service, date }, now), caller, now);
  } catch (err) {
    if (err instanceof AppError) return undefined;
    throw err;
  }
}

const isFree = (d: AvailableDay): d is FreeDay => d.first !== null;
/** The first day with free time after `after` (YYYY-MM-DD dates compare as strings). */
const freeAfter = (days: AvailableDay[], after: string): FreeDay | undefined =>
  days.filter(isFree).find((d) => d.date > after);
const laterDay = (a: string, b: string) => (a > b ? a : b);

/** The first day with free time after `after`, up to `last` (the horizon's last day), in steps of 62 days. */
async function nextFreeDay(worker: string, service: string, after: string, last: string, earliest: Date | null) {
  for (let from = addDaysToDate(after, 1); from <= last; from = addDaysToDate(from, MAX_DAYS)) {
    const end = addDaysToDate(from, MAX_DAYS - 1);
    const found = (await daysOf(worker, service, from, end < last ? end : last, earliest))?.days.find(isFree);
    if (found) return found;
  }
  return undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const row = await findWorker((await params).ref);
  return { title: row?.active ? row.name : (await getTranslations("common.notFound"))("title") };
}

export default async function WorkerPage({ params, searchParams }: Props) {
  const [{ ref }, search, t, tc, locale] = await Promise.all([
    params,
    searchParams,
    getTranslations("public.worker"),
    getTranslations("public.calendar"),
    getLocale() as Promise<Locale>,
  ]);
  const ts = await getTranslations("public.slots");
  const [worker, caller] = await Promise.all([activeWorker(ref), getPageCaller()]);
  const service =
    worker.services.find((s) => s.slug === search.service || s.id === search.service) ?? worker.services[0];
  const now = new Date();
  // Clients and anonymous visitors are not offered starts inside the business's minimum notice.
  const earliest = await noticeStart(caller, now);
  const today = todayIn(now, worker.location?.timezone ?? FALLBACK_TIME_ZONE);
  const lastDay = addDaysToDate(today, worker.bookingHorizonDays);
  const bookable = (d: unknown): d is string =>
    typeof d === "string" && isoDateSchema.safeParse(d).success && d >= today && d <= lastDay;
  const askedDate = bookable(search.date) ? search.date : undefined;
  const askedMonth =
    isMonth(search.month) && search.month >= monthOf(today) && search.month <= monthOf(lastDay)
      ? search.month
      : undefined;

  // On the server, so the calendar and the times are links before (or without) any script.
  let month = askedMonth ?? (askedDate ? monthOf(askedDate) : monthOf(today));
  let calendar = service
    ? await daysOf(worker.slug, service.slug, monthDays(month).from, monthDays(month).to, earliest)
    : null;
  let date = askedDate ?? (calendar ? freeAfter(calendar.days, addDaysToDate(today, -1))?.date : undefined);
  if (service && calendar && !date && !askedMonth) {
    // Nothing free this month: open on the next free day, wherever it is.
    const next = await nextFreeDay(worker.slug, service.slug, monthDays(month).to, lastDay, earliest);
    if (next) {
      date = next.date;
      month = monthOf(next.date);
      calendar = await daysOf(worker.slug, service.slug, monthDays(month).from, monthDays(month).to, earliest);
    }
  }
  const after = date ?? addDaysToDate(today, -1);
  const nextFree =
    service && calendar
      ? (freeAfter(calendar.days, after) ??
        (await nextFreeDay(worker.slug, service.slug, laterDay(monthDays(month).to, after), lastDay, earliest)))
      : undefined;
  const slots = service && date ? await daySlots(worker.slug, service.slug, date, caller) : undefined;

  const href = (p: { service?: string; date?: string; month?: string }) =>
    `/workers/${worker.slug}${query({ service: p.service ?? service?.slug, date: p.date, month: p.month })}`;
  const dayHref = (d: string) => href({ date: d, month: monthOf(d) });

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

      {service && calendar && (
        <section aria-labelledby="slots-heading" className="space-y-3">
          <h2 id="slots-heading" className="text-lg font-semibold">
            {t("freeTimes", { service: service.name })}
          </h2>
          <div className="grid gap-6 md:grid-cols-[minmax(0,28rem)_1fr] md:items-start">
            <div className="space-y-2">
              <MonthCalendar
                month={month}
                days={calendar.days}
                timezone={calendar.timezone}
                chosen={date}
                label={t("day")}
                hrefFor={dayHref}
                previousHref={month > monthOf(today) ? href({ month: addMonths(month, -1) }) : undefined}
                nextHref={month < monthOf(lastDay) ? href({ month: addMonths(month, 1) }) : undefined}
              />
              <p className="text-sm">
                {nextFree ? (
                  <Link href={dayHref(nextFree.date)} scroll={false} className="font-medium text-brand-dark underline">
                    {tc("nextFreeDay", {
                      day: formatDay(nextFree.date, locale),
                      time: formatTime(nextFree.first, calendar.timezone, locale),
                    })}
                  </Link>
                ) : (
                  <span className="text-slate-600">{tc("noNextFreeDay")}</span>
                )}
              </p>
            </div>
            <div className="min-w-0">
              {/* On the server: the times are links before (and without) any script, and ship none. */}
              {date && slots ? (
                <SlotLinks
                  worker={worker.slug}
                  service={service.slug}
                  slots={slots}
                  locale={locale}
                  text={{
                    timezone: ts("timezone", { timezone: zoneName(slots.timezone, locale) }),
                    empty: ts("empty"),
                    listLabel: ts("listLabel"),
                  }}
                />
              ) : date ? (
                <EmptyState>{ts("error")}</EmptyState>
              ) : (
                <EmptyState>{tc("noFreeThisMonth")}</EmptyState>
              )}
            </div>
          </div>
          {date && slots?.slots.length === 0 ? (
            <WaitlistJoin
              workerId={worker.id}
              serviceId={service.id}
              date={date}
              signedIn={caller !== null}
              loginHref={`/login${query({ callbackUrl: dayHref(date) })}`}
              guestAction={joinWaitlistAsGuestAction}
            />
          ) : (
            <WaitlistDayForm action={`/workers/${worker.slug}`} service={service.slug} min={today} max={lastDay} />
          )}
        </section>
      )}
    </article>
  );
}
