import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatInZone } from "@/components/lib/format";
import type { Locale } from "@/i18n/config";
import { slotsOffered } from "@/lib/availability/notice";
import { workerSlots } from "@/lib/availability/worker-slots";
import { AppError } from "@/lib/errors";
import { zonedDateOf } from "@/lib/time/zoned";

/**
 * The first free slot of a worker for a service, from today to their booking horizon. The cards'
 * slots are read side by side and are in the page's first HTML (no Suspense: a streamed boundary
 * stays hidden in a browser without JavaScript).
 */
export async function NextSlot({ workerSlug, serviceSlug }: { workerSlug: string; serviceSlug: string }) {
  const [t, locale] = await Promise.all([getTranslations("public.workers"), getLocale() as Promise<Locale>]);
  let next: { timezone: string; start: string } | null = null;
  try {
    const now = new Date();
    // As a client is offered them: none inside the business's minimum notice.
    const list = await workerSlots(workerSlug, { service: serviceSlug }, now);
    const { timezone, slots } = await slotsOffered(list, null, now);
    next = slots[0] ? { timezone, start: slots[0].start } : null;
  } catch (err) {
    // The worker or service went away between the list and this query: nothing to offer.
    if (!(err instanceof AppError)) throw err;
  }
  if (!next) return <p className="text-sm text-slate-600">{t("noFreeSlot")}</p>;
  const date = zonedDateOf(new Date(next.start), next.timezone);
  return (
    <p className="text-sm">
      {t("nextFree")}{" "}
      <Link
        href={`/workers/${workerSlug}?service=${serviceSlug}&date=${date}`}
        className="font-medium text-brand-dark underline"
      >
        <time dateTime={next.start}>{formatInZone(next.start, next.timezone, "EEE d MMM, HH:mm", locale)}</time>
      </Link>
    </p>
  );
}
