import { TZDate } from "@date-fns/tz";
import { format as formatDate, parseISO } from "date-fns";
import { enUS, ru } from "date-fns/locale";
import type { Locale } from "@/i18n/config";

const DATE_LOCALES = { en: enUS, ru } as const;

/**
 * A pattern as the locale writes it: date-fns's Russian "EEE" is "втр", but Russian short weekdays
 * are "вт" ("EEEEEE", its short width), as in "вт 8 дек.".
 */
const localPattern = (pattern: string, locale: Locale) =>
  locale === "ru" ? pattern.replace(/(?<!E)EEE(?!E)/g, "EEEEEE") : pattern;

/** Formats an instant as wall time in a location's zone, with the UI language's month and day names. */
export function formatInZone(instant: string | Date, timeZone: string, pattern: string, locale: Locale): string {
  return formatDate(new TZDate(new Date(instant).getTime(), timeZone), localPattern(pattern, locale), {
    locale: DATE_LOCALES[locale],
  });
}

/** "09:30" in the location's zone. */
export const formatTime = (instant: string | Date, timeZone: string, locale: Locale) =>
  formatInZone(instant, timeZone, "HH:mm", locale);

/** "Tuesday, 1 December" / "вторник, 1 декабря" for a YYYY-MM-DD day (a calendar day, no zone). */
export function formatDay(day: string, locale: Locale): string {
  return formatDate(parseISO(day), "EEEE, d MMMM", { locale: DATE_LOCALES[locale] });
}

export function formatPrice(amount: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-US", {
    style: "currency",
    currency,
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}

/** "Tue 1 Dec" / "вт 1 дек." for a YYYY-MM-DD day: the label of a day in a picker. */
export function formatShortDay(day: string, locale: Locale): string {
  return formatDate(parseISO(day), localPattern("EEE d MMM", locale), { locale: DATE_LOCALES[locale] });
}

/** "Tuesday, 1 December, 09:30" in the location's zone. */
export const formatDateTime = (instant: string | Date, timeZone: string, locale: Locale) =>
  formatInZone(instant, timeZone, "EEEE, d MMMM, HH:mm", locale);
