import { parseISO } from "date-fns";
import { format } from "date-fns/format";
import { enUS, ru } from "date-fns/locale";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDay, formatTime } from "@/components/lib/format";
import type { Locale } from "@/i18n/config";
import type { AvailableDay } from "@/lib/contract/available-days";
import { monthWeeks } from "./month-calendar-grid";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const DATE_LOCALES = { en: enUS, ru } as const;

const cellClass = "flex min-h-12 w-full flex-col items-center justify-center rounded-md px-0.5 py-1 text-sm";

/**
 * A month of a worker's days for one service: a day with free time is a link (to `hrefFor(day)`,
 * the day in the URL, so it works without script) showing its first free time; a day without is
 * greyed and marked aria-disabled. The chosen day is aria-current. Links to the previous and next
 * month are given when those months can be booked.
 */
export async function MonthCalendar({
  month,
  days,
  timezone,
  chosen,
  label,
  hrefFor,
  previousHref,
  nextHref,
}: {
  /** YYYY-MM */
  month: string;
  /** The month's days as GET /workers/{ref}/available-days answers them. */
  days: AvailableDay[];
  timezone: string;
  chosen?: string;
  label: string;
  hrefFor: (day: string) => string;
  previousHref?: string;
  nextHref?: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("public.calendar"), getLocale() as Promise<Locale>]);
  const byDate = new Map(days.map((d) => [d.date, d]));
  const title = format(parseISO(`${month}-01`), "LLLL yyyy", { locale: DATE_LOCALES[locale] });
  const monthTitle = title.charAt(0).toLocaleUpperCase(locale) + title.slice(1);
  const titleId = `calendar-${month}`;
  const monthLink = (href: string | undefined, text: string, arrow: string) =>
    href ? (
      <Link
        href={href}
        scroll={false}
        aria-label={text}
        className="flex min-h-10 min-w-10 items-center justify-center rounded-md border border-slate-300 bg-white text-lg hover:border-brand"
      >
        <span aria-hidden="true">{arrow}</span>
      </Link>
    ) : (
      <button
        type="button"
        disabled
        aria-disabled="true"
        aria-label={text}
        className="flex min-h-10 min-w-10 cursor-not-allowed items-center justify-center rounded-md border border-slate-200 bg-slate-100 text-lg text-slate-400"
      >
        <span aria-hidden="true">{arrow}</span>
      </button>
    );

  return (
    <nav aria-label={label} className="max-w-md space-y-2">
      <div className="flex items-center justify-between gap-2">
        {monthLink(previousHref, t("previousMonth"), "‹")}
        <h3 id={titleId} className="text-base font-semibold" aria-live="polite">
          {monthTitle}
        </h3>
        {monthLink(nextHref, t("nextMonth"), "›")}
      </div>
      <table aria-labelledby={titleId} className="w-full table-fixed border-separate border-spacing-1 text-center">
        <thead>
          <tr>
            {WEEKDAYS.map((w) => (
              <th key={w} scope="col" abbr={t(`weekdayNames.${w}`)} className="text-xs font-medium text-slate-600">
                {t(`weekdays.${w}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
            <tr key={week.find(Boolean) ?? "empty"}>
              {week.map((date, i) => {
                if (!date) return <td key={`pad-${WEEKDAYS[i]}`} />;
                const day = byDate.get(date);
                const current = date === chosen ? ("date" as const) : undefined;
                const number = Number(date.slice(8));
                const dayName = formatDay(date, locale);
                if (!day?.first) {
                  return (
                    <td key={date}>
                      <button
                        type="button"
                        disabled
                        aria-disabled="true"
                        aria-current={current}
                        aria-label={t("noFreeTime", { day: dayName })}
                        className={`${cellClass} bg-slate-50 text-slate-500 ${current ? "border border-slate-500" : ""}`}
                      >
                        {number}
                      </button>
                    </td>
                  );
                }
                const time = formatTime(day.first, timezone, locale);
                return (
                  <td key={date}>
                    <Link
                      href={hrefFor(date)}
                      scroll={false}
                      aria-current={current}
                      aria-label={t("freeFrom", { day: dayName, time })}
                      className={`${cellClass} border font-medium ${
                        current
                          ? "border-brand bg-brand text-white"
                          : "border-brand/40 bg-brand-light text-slate-900 hover:border-brand"
                      }`}
                    >
                      <span>{number}</span>
                      <span className={`text-[0.7rem] leading-tight ${current ? "text-white" : "text-brand-dark"}`}>
                        {time}
                      </span>
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </nav>
  );
}
