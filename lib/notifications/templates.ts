// The messages' words, in English and Russian, as plain text and HTML. Every value put into the HTML
// is escaped; a subject is one line (no header injection: line breaks and other control characters
// become spaces). Times are the appointment's location's local time, with its zone, written in the
// recipient's language.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { enUS, ru } from "date-fns/locale";
import type { NotificationKind } from "@/db/schema/notifications";
export type MessageLocale = "en" | "ru";

export type AppointmentMessageData = {
  kind: NotificationKind;
  locale: MessageLocale;
  businessName: string;
  recipientName: string;
  clientName: string;
  serviceName: string | null;
  workerName: string | null;
  locationName: string;
  address: string | null;
  start: Date;
  end: Date;
  timeZone: string;
  /** The start before a move (a rescheduled message says where it moved from). */
  previousStart?: Date | null;
  /** A reminder's offset. */
  offsetMinutes?: number | null;
  /** Absolute link to the appointment in the app. */
  link: string;
  /** The client's link to manage the booking without signing in (./manage-link.ts), if any. */
  manageLink?: string | null;
};

export type RenderedMessage = { subject: string; text: string; html: string };

const DATE_LOCALES = { en: enUS, ru };

/** "Monday, 9 March 2026, 14:00 (Europe/Moscow, GMT+3)" in the recipient's language. */
export function localTime(instant: Date, timeZone: string, locale: MessageLocale): string {
  const zoned = new TZDate(instant, timeZone);
  const pattern = locale === "ru" ? "EEEE, d MMMM yyyy, HH:mm" : "EEEE, d MMMM yyyy, HH:mm";
  const when = format(zoned, pattern, { locale: DATE_LOCALES[locale] });
  return `${when} (${timeZone}, ${format(zoned, "zzz", { locale: DATE_LOCALES[locale] })})`;
}

function duration(minutes: number, locale: MessageLocale): string {
  const hours = minutes % 60 === 0 ? minutes / 60 : null;
  if (locale === "ru") {
    if (hours !== null) return `${hours} ${plural(hours, "час", "часа", "часов")}`;
    return `${minutes} ${plural(minutes, "минуту", "минуты", "минут")}`;
  }
  if (hours !== null) return `${hours} ${hours === 1 ? "hour" : "hours"}`;
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** One line of at most 200 characters: no CR, LF or other control characters reach a header. */
export function oneLine(value: string): string {
  const flat = [...value]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 ? " " : ch;
    })
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

type Words = {
  labels: { service: string; worker: string; client: string; where: string; when: string; was: string };
  greeting: (name: string) => string;
  open: string;
  /** The guest's manage link (read, move, cancel without an account). */
  manage: string;
  footer: (business: string) => string;
  subject: (d: AppointmentMessageData, when: string) => string;
  lead: (d: AppointmentMessageData) => string;
};

const what = (d: AppointmentMessageData) => d.serviceName ?? d.locationName;

const EN: Words = {
  labels: { service: "Service", worker: "With", client: "Client", where: "Where", when: "When", was: "Was" },
  greeting: (name) => `Hello, ${name}!`,
  open: "Open the appointment",
  manage: "Manage or cancel without signing in",
  footer: (business) => `${business} · this message was sent by the booking system.`,
  subject: (d, when) => {
    switch (d.kind) {
      case "confirmation":
        return `Booked: ${what(d)}, ${when}`;
      case "rescheduled":
        return `Moved: ${what(d)}, now ${when}`;
      case "cancelled":
        return `Cancelled: ${what(d)}, ${when}`;
      case "reminder":
        return `Reminder: ${what(d)}, ${when}`;
      case "worker_new":
        return `New appointment: ${what(d)}, ${when}`;
      case "worker_moved":
        return `Appointment moved: ${what(d)}, now ${when}`;
      case "worker_cancelled":
        return `Appointment cancelled: ${what(d)}, ${when}`;
      default:
        return `${d.businessName}: ${what(d)}`;
    }
  },
  lead: (d) => {
    switch (d.kind) {
      case "confirmation":
        return `Your appointment at ${d.businessName} is booked.`;
      case "rescheduled":
        return `Your appointment at ${d.businessName} has moved to a new time.`;
      case "cancelled":
        return `Your appointment at ${d.businessName} is cancelled.`;
      case "reminder":
        return `A reminder: your appointment at ${d.businessName} is in ${duration(d.offsetMinutes ?? 0, "en")}.`;
      case "worker_new":
        return `A new appointment of yours was booked.`;
      case "worker_moved":
        return `An appointment of yours has moved to a new time.`;
      case "worker_cancelled":
        return `An appointment of yours is cancelled.`;
      default:
        return "";
    }
  },
};

const RU: Words = {
  labels: { service: "Услуга", worker: "Специалист", client: "Клиент", where: "Где", when: "Когда", was: "Было" },
  greeting: (name) => `Здравствуйте, ${name}!`,
  open: "Открыть запись",
  manage: "Перенести или отменить без входа",
  footer: (business) => `${business} · это письмо отправлено системой записи.`,
  subject: (d, when) => {
    switch (d.kind) {
      case "confirmation":
        return `Вы записаны: ${what(d)}, ${when}`;
      case "rescheduled":
        return `Запись перенесена: ${what(d)}, теперь ${when}`;
      case "cancelled":
        return `Запись отменена: ${what(d)}, ${when}`;
      case "reminder":
        return `Напоминание: ${what(d)}, ${when}`;
      case "worker_new":
        return `Новая запись: ${what(d)}, ${when}`;
      case "worker_moved":
        return `Запись перенесена: ${what(d)}, теперь ${when}`;
      case "worker_cancelled":
        return `Запись отменена: ${what(d)}, ${when}`;
      default:
        return `${d.businessName}: ${what(d)}`;
    }
  },
  lead: (d) => {
    switch (d.kind) {
      case "confirmation":
        return `Вы записаны в «${d.businessName}».`;
      case "rescheduled":
        return `Ваша запись в «${d.businessName}» перенесена на другое время.`;
      case "cancelled":
        return `Ваша запись в «${d.businessName}» отменена.`;
      case "reminder":
        return `Напоминаем: ваша запись в «${d.businessName}» через ${duration(d.offsetMinutes ?? 0, "ru")}.`;
      case "worker_new":
        return "К вам записался новый клиент.";
      case "worker_moved":
        return "Одна из ваших записей перенесена на другое время.";
      case "worker_cancelled":
        return "Одна из ваших записей отменена.";
      default:
        return "";
    }
  },
};

const WORDS: Record<MessageLocale, Words> = { en: EN, ru: RU };

const SHORT_TIME: Record<MessageLocale, string> = { en: "d MMM yyyy, HH:mm", ru: "d MMM yyyy, HH:mm" };

/** The subject, the plain text and the HTML of a message about an appointment. */
export function renderAppointmentMessage(d: AppointmentMessageData): RenderedMessage {
  const words = WORDS[d.locale];
  const forWorker = d.kind.startsWith("worker_");
  const shortWhen = format(new TZDate(d.start, d.timeZone), SHORT_TIME[d.locale], { locale: DATE_LOCALES[d.locale] });
  const subject = oneLine(words.subject(d, shortWhen));
  const where = [d.locationName, d.address].filter((part): part is string => Boolean(part?.trim())).join(", ");
  const rows: [string, string][] = [
    ...(d.serviceName ? [[words.labels.service, d.serviceName] as [string, string]] : []),
    ...(forWorker
      ? [[words.labels.client, d.clientName] as [string, string]]
      : d.workerName
        ? [[words.labels.worker, d.workerName] as [string, string]]
        : []),
    [words.labels.where, where],
    [words.labels.when, localTime(d.start, d.timeZone, d.locale)],
    ...(d.previousStart
      ? [[words.labels.was, localTime(d.previousStart, d.timeZone, d.locale)] as [string, string]]
      : []),
  ];
  const greeting = words.greeting(d.recipientName);
  const lead = words.lead(d);
  // The client manages the booking through its link without signing in (lib/booking/manage-token.ts).
  const manage = forWorker || d.kind === "cancelled" ? null : (d.manageLink ?? null);
  const footer = words.footer(d.businessName);
  const text = [
    greeting,
    "",
    lead,
    "",
    ...rows.map(([label, value]) => `${label}: ${value}`),
    "",
    `${words.open}: ${d.link}`,
    ...(manage ? [`${words.manage}: ${manage}`] : []),
    "",
    "--",
    footer,
    "",
  ].join("\n");
  const e = escapeHtml;
  const html = [
    "<!doctype html>",
    `<html lang="${d.locale}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; color: #111; line-height: 1.5">',
    `<p>${e(greeting)}</p>`,
    `<p>${e(lead)}</p>`,
    '<table style="border-collapse: collapse">',
    ...rows.map(
      ([label, value]) =>
        `<tr><th style="text-align: left; padding: 2px 12px 2px 0; color: #555">${e(label)}</th><td>${e(value)}</td></tr>`,
    ),
    "</table>",
    `<p><a href="${e(d.link)}">${e(words.open)}</a></p>`,
    ...(manage ? [`<p><a href="${e(manage)}">${e(words.manage)}</a></p>`] : []),
    `<p style="color: #777; font-size: 12px">${e(footer)}</p>`,
    "</body></html>",
    "",
  ].join("\n");
  return { subject, text, html };
}
