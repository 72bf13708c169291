import Link from "next/link";
import { query } from "@/components/lib/api-client";
import { formatTime } from "@/components/lib/format";
import { EmptyState } from "@/components/ui/states";
import type { Locale } from "@/i18n/config";
import type { Slots } from "@/lib/contract";

export type SlotLinksText = { timezone: string; empty: string; listLabel: string };

/**
 * A day's free times of a worker for a service, each a link to book it, as wall times in the zone the
 * API answered with (named above them). No hooks: the worker page renders it on the server (no script
 * at all), SlotList in the browser once it has fetched.
 */
export function SlotLinks({
  worker,
  service,
  slots: { timezone, slots },
  text,
  locale,
}: {
  worker: string;
  service: string;
  slots: Slots;
  text: SlotLinksText;
  locale: Locale;
}) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{text.timezone}</p>
      {slots.length === 0 ? (
        <EmptyState>{text.empty}</EmptyState>
      ) : (
        <ul aria-label={text.listLabel} className="grid grid-cols-3 gap-2 sm:grid-cols-6">
          {slots.map((slot) => (
            <li key={slot.start}>
              <Link
                href={`/book${query({ worker, service, start: slot.start })}`}
                className="flex min-h-10 items-center justify-center rounded-md border border-brand bg-white px-2 py-2 text-sm font-medium text-brand-dark hover:bg-brand-light"
              >
                <time dateTime={slot.start}>{formatTime(slot.start, timezone, locale)}</time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
