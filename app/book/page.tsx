import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import dynamic from "next/dynamic";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MaxUpcomingRefusal, PolicyNote } from "@/components/booking/policy-note";
import { SlotLinks } from "@/components/booking/slot-links";
import { bookPath, bookSearchSchema } from "@/components/lib/book-url";
import { formatDateTime, formatPrice } from "@/components/lib/format";
import { zoneName } from "@/components/lib/zone-name";
import { EmptyState } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import { getPageCaller } from "@/lib/auth/page";
import type { Caller } from "@/lib/auth/roles";
import { FALLBACK_TIME_ZONE } from "@/lib/availability/calendar";
import { slotsOffered } from "@/lib/availability/notice";
import { workerSlots } from "@/lib/availability/worker-slots";
import { ownBookingAt } from "@/lib/booking/read";
import { offeredPolicy } from "@/lib/business/policy";
import { findService } from "@/lib/catalog/services";
import { toWorkersJson } from "@/lib/catalog/worker-json";
import { findWorker } from "@/lib/catalog/workers";
import { AppError } from "@/lib/errors";
import { addDaysToDate, zonedDateOf, zonedToday } from "@/lib/time/zoned";
import { refSchema } from "@/lib/validation/common";
import { confirmBooking } from "./actions";
import { bookAsGuest } from "./guest-actions";
import { ServiceFirst } from "./service-first";

// Loaded only where a slot is confirmed: service-first /book renders this same page module and must not
// ship the confirmation's island (server-rendered either way, so it works without script).
const BookingFlow = dynamic(() => import("@/components/booking/booking-flow").then((m) => m.BookingFlow));

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Without a worker and a start, /book is service-first booking (./service-first.tsx). */
const isServiceFirst = (search: Record<string, string | string[] | undefined>) =>
  search.worker === undefined && search.start === undefined;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const namespace = isServiceFirst(await searchParams) ? "public.serviceFirst" : "public.book";
  return { title: (await getTranslations(namespace))("title") };
}

/**
 * That day's free times as the slots endpoint offers them to this caller (a client is not offered
 * starts inside the business's notice), or null when the API would refuse to list them (say, a day
 * out of range).
 */
async function freeTimes(worker: string, service: string, date: string, caller: Caller | null) {
  try {
    const now = new Date();
    return await slotsOffered(await workerSlots(worker, { service, date }, now), caller, now);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

// No loading.tsx in this segment: a streamed skeleton would send 200 before notFound() could answer
// 404. Everything is read before the first byte, which also serves browsers without script.
export default async function BookPage({ searchParams }: Props) {
  const [search, t, ts, locale] = await Promise.all([
    searchParams,
    getTranslations("public.book"),
    getTranslations("public.slots"),
    getLocale() as Promise<Locale>,
  ]);
  // Without a worker: service-first booking (pick a service, a day, then anyone's time).
  if (isServiceFirst(search)) return <ServiceFirst search={search} />;
  const parsed = bookSearchSchema.safeParse(search);
  if (!parsed.success) {
    // A worker that is named but does not exist is a missing page, whatever else the URL lacks; a
    // reference no record can have (control characters, say) is not even looked up.
    const named = typeof search.worker === "string" && search.worker.trim() !== "";
    const ref = refSchema.safeParse(search.worker);
    if (named && !(ref.success && (await findWorker(ref.data))?.active)) notFound();
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
  const { start, refused } = parsed.data;
  const [workerRow, service, caller] = await Promise.all([
    findWorker(parsed.data.worker),
    findService(parsed.data.service),
    getPageCaller(),
  ]);
  if (!workerRow?.active || !service?.active) notFound();
  const [worker] = await toWorkersJson([workerRow]);
  if (!worker) notFound();
  // A service the worker does not perform: said plainly, with no price and no form that would fail.
  if (!worker.services.some((s) => s.id === service.id)) {
    return (
      <section className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4">
          {t("notPerformed", { worker: worker.name })}{" "}
          <Link href={`/workers/${worker.slug}`} className="font-medium underline">
            {t("seeServices", { worker: worker.name })}
          </Link>
        </p>
      </section>
    );
  }
  const timeZone = worker.location?.timezone ?? FALLBACK_TIME_ZONE;
  const date = zonedDateOf(new Date(start), timeZone);
  const [free, own, policy] = await Promise.all([
    freeTimes(worker.slug, service.slug, date, caller),
    caller ? ownBookingAt(caller, worker.id, new Date(start)) : undefined,
    offeredPolicy(),
  ]);
  const isFree = free?.slots.some((slot) => new Date(slot.start).getTime() === new Date(start).getTime());
  // Why a time that is not offered cannot be booked: said instead of a Confirm that would fail.
  const now = new Date();
  const why =
    new Date(start).getTime() <= now.getTime()
      ? t("inPast")
      : date > addDaysToDate(zonedToday(now, timeZone), worker.bookingHorizonDays)
        ? t("beyondHorizon", { worker: worker.name, days: worker.bookingHorizonDays })
        : t("notOffered");
  const here = bookPath({ worker: worker.slug, service: service.slug, start });

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
          <span className="block text-slate-600">{t("timezone", { timezone: zoneName(timeZone, locale) })}</span>
        </dd>
      </dl>
      {own ? (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-4">
          {t("alreadyYours")}{" "}
          <Link href={`/appointments/${own.appointment.id}`} className="font-medium underline">
            {t("seeAppointment")}
          </Link>
        </p>
      ) : isFree ? (
        <>
          {refused === "max_upcoming" && <MaxUpcomingRefusal />}
          {(refused === "failed" || refused === "client_busy") && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm">
              {t(refused === "client_busy" ? "clientBusy" : "failed")}
            </p>
          )}
          <BookingFlow
            key={start}
            worker={{ id: worker.id, slug: worker.slug }}
            service={{ id: service.id, slug: service.slug }}
            start={start}
            signedIn={caller !== null}
            confirm={{ action: confirmBooking, key: randomUUID() }}
            guest={caller ? undefined : { action: bookAsGuest, key: randomUUID() }}
          />
          <PolicyNote policy={policy} />
          {!caller && (
            <p className="text-sm text-slate-600">
              {t("authPages")}{" "}
              <Link href={`/login?callbackUrl=${encodeURIComponent(here)}`} className="text-brand-dark underline">
                {t("signInPage")}
              </Link>
              {" · "}
              <Link href={`/register?callbackUrl=${encodeURIComponent(here)}`} className="text-brand-dark underline">
                {t("registerPage")}
              </Link>
            </p>
          )}
        </>
      ) : (
        <section aria-labelledby="conflict-heading" className="space-y-3">
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4">
            <h2 id="conflict-heading" className="font-semibold">
              {t(refused === "slot_taken" ? "takenHeading" : "unavailableHeading")}
            </h2>
            {refused !== "slot_taken" && <p className="text-sm">{why}</p>}
            <p className="text-sm">{t("pickAnother")}</p>
          </div>
          {/* On the server, like the worker page's: links before (and without) any script. */}
          {free ? (
            <SlotLinks
              worker={worker.slug}
              service={service.slug}
              slots={free}
              locale={locale}
              text={{
                timezone: ts("timezone", { timezone: zoneName(free.timezone, locale) }),
                empty: ts("empty"),
                listLabel: ts("listLabel"),
              }}
            />
          ) : (
            <EmptyState>{ts("empty")}</EmptyState>
          )}
        </section>
      )}
    </section>
  );
}
