import Link from "next/link";
import { getLocale } from "next-intl/server";
import { formatDay, formatShortDay } from "@/components/lib/format";
import type { Locale } from "@/i18n/config";

/** A row of days, today first; each is a link (the day lives in the URL), the chosen one marked. */
export async function DayPicker({
  days,
  chosen,
  label,
  hrefFor,
}: {
  days: string[];
  chosen: string;
  label: string;
  hrefFor: (day: string) => string;
}) {
  const locale = (await getLocale()) as Locale;
  return (
    <nav aria-label={label}>
      <ul className="flex gap-2 overflow-x-auto pb-2 sm:flex-wrap">
        {days.map((day) => (
          <li key={day} className="shrink-0">
            <Link
              href={hrefFor(day)}
              scroll={false}
              aria-current={day === chosen ? "date" : undefined}
              aria-label={formatDay(day, locale)}
              className={`flex min-h-10 flex-col items-center justify-center rounded-md border px-3 py-1 text-sm ${
                day === chosen
                  ? "border-brand bg-brand text-white"
                  : "border-slate-300 bg-white text-slate-900 hover:border-brand"
              }`}
            >
              {formatShortDay(day, locale)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
