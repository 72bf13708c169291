"use client";

import { useLocale, useTranslations } from "next-intl";
import { ApiError } from "@/components/lib/api-client";
import { formatInZone } from "@/components/lib/format";
import type { Locale } from "@/i18n/config";

type Interval = { start: string; end: string; date?: string; planned?: { start: string; end: string } };

/** The conflicts of a schedule change (409 worker_busy / location_busy / has_appointments), by date. */
export function conflictIntervals(err: unknown): Interval[] {
  if (!(err instanceof ApiError)) return [];
  if (err.code === "has_appointments") return (err.details.appointments ?? []) as Interval[];
  if (err.code === "worker_busy" || err.code === "location_busy") return (err.details.conflicts ?? []) as Interval[];
  return [];
}

/**
 * What stands in the way, next to the fields it concerns: each conflicting date and the times of
 * the shift or appointment that is already there. `id` lets the fields point at it (aria-describedby).
 */
export function ConflictDetails({ id, error, timeZone }: { id: string; error: unknown; timeZone: string }) {
  const t = useTranslations("manage.conflicts");
  const locale = useLocale() as Locale;
  const items = conflictIntervals(error);
  if (!(error instanceof ApiError) || items.length === 0) return null;
  const when = (i: Interval) =>
    `${formatInZone(i.start, timeZone, "EEE d MMM yyyy, HH:mm", locale)}–${formatInZone(i.end, timeZone, "HH:mm", locale)}`;
  return (
    <div id={id} role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p className="font-medium">{t(error.code as "worker_busy" | "location_busy" | "has_appointments")}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="conflict-dates">
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one conflict may be listed for several planned dates
          <li key={index}>{when(item)}</li>
        ))}
      </ul>
    </div>
  );
}
