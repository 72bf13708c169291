// The words of the waitlist's messages (a fitting time freed up; a guest joined the list), in English
// and Russian, as plain text and escaped HTML, in the style of lib/notifications/templates.ts.
import {
  escapeHtml,
  localTime,
  type MessageLocale,
  oneLine,
  type RenderedMessage,
} from "@/lib/notifications/templates";

export type WaitlistMessageData = {
  locale: MessageLocale;
  businessName: string;
  recipientName: string;
  serviceName: string;
  workerName: string;
  /** The freed interval. */
  start: Date;
  timeZone: string;
  /** The worker's page on that day, to book from. */
  link: string;
  /** A guest's leave link (with the token's placeholder), when the client has no account to sign in with. */
  leaveLink?: string | null;
};

type Words = {
  greeting: (name: string) => string;
  subject: (business: string) => string;
  lead: (service: string, worker: string, when: string) => string;
  race: string;
  action: string;
  leave: string;
  footer: (business: string) => string;
};

const WORDS: Record<MessageLocale, Words> = {
  en: {
    greeting: (name) => `Hello, ${name}!`,
    subject: (business) => `${business}: a time you are waiting for is free`,
    lead: (service, worker, when) => `A time has freed up for ${service} with ${worker}: ${when}.`,
    race: "You are on the waitlist for that day. The time is not held: whoever books first gets it.",
    action: "See the free times and book",
    leave: "Leave the waitlist",
    footer: (business) => `${business} · this message was sent by the booking system.`,
  },
  ru: {
    greeting: (name) => `Здравствуйте, ${name}!`,
    subject: (business) => `${business}: освободилось время, которого вы ждёте`,
    lead: (service, worker, when) => `Освободилось время на «${service}» у специалиста ${worker}: ${when}.`,
    race: "Вы в листе ожидания на этот день. Время не закреплено за вами: его получит тот, кто запишется первым.",
    action: "Посмотреть свободное время и записаться",
    leave: "Выйти из листа ожидания",
    footer: (business) => `${business} · письмо отправлено системой записи.`,
  },
};

/** A waitlist message's HTML: the escaped `paragraphs` between the document's head and the footer. */
function htmlMail(locale: MessageLocale, subject: string, footer: string, paragraphs: string[]): string {
  return [
    "<!doctype html>",
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; color: #111; line-height: 1.5">',
    ...paragraphs,
    `<p style="color: #777; font-size: 12px">${escapeHtml(footer)}</p>`,
    "</body></html>",
    "",
  ].join("\n");
}

export function renderWaitlistMessage(d: WaitlistMessageData): RenderedMessage {
  const w = WORDS[d.locale];
  const subject = oneLine(w.subject(d.businessName));
  const greeting = w.greeting(d.recipientName);
  const lead = w.lead(d.serviceName, d.workerName, localTime(d.start, d.timeZone, d.locale));
  const leave = d.leaveLink ? [`${w.leave}: ${d.leaveLink}`] : [];
  const text = [
    greeting,
    "",
    lead,
    w.race,
    "",
    `${w.action}: ${d.link}`,
    ...leave,
    "",
    "--",
    w.footer(d.businessName),
    "",
  ].join("\n");
  const e = escapeHtml;
  const html = htmlMail(d.locale, subject, w.footer(d.businessName), [
    `<p>${e(greeting)}</p>`,
    `<p>${e(lead)}</p>`,
    `<p>${e(w.race)}</p>`,
    `<p><a href="${e(d.link)}">${e(w.action)}</a></p>`,
    ...(d.leaveLink ? [`<p><a href="${e(d.leaveLink)}">${e(w.leave)}</a></p>`] : []),
  ]);
  return { subject, text, html };
}

export type WaitlistJoinedData = {
  locale: MessageLocale;
  businessName: string;
  recipientName: string;
  serviceName: string;
  /** null: any worker who performs the service. */
  workerName: string | null;
  /** The day, YYYY-MM-DD, and the window asked for (local HH:MM; null: the day's start or end). */
  date: string;
  from: string | null;
  to: string | null;
  /** The leave link, with the token's placeholder. */
  leaveLink: string;
};

const JOINED: Record<
  MessageLocale,
  {
    subject: (business: string) => string;
    lead: (service: string, worker: string | null, day: string, window: string) => string;
    window: (from: string, to: string) => string;
    how: string;
    leave: string;
  }
> = {
  en: {
    subject: (business) => `${business}: you are on the waitlist`,
    lead: (service, worker, day, window) =>
      `You are on the waitlist for ${service}${worker ? ` with ${worker}` : ""} on ${day}${window}.`,
    window: (from, to) => `, between ${from} and ${to}`,
    how: "When a fitting time frees up, we will email you. The time is not held: whoever books first gets it.",
    leave: "Leave the waitlist",
  },
  ru: {
    subject: (business) => `${business}: вы в листе ожидания`,
    lead: (service, worker, day, window) =>
      `Вы в листе ожидания на «${service}»${worker ? ` у специалиста ${worker}` : ""} на ${day}${window}.`,
    window: (from, to) => `, с ${from} до ${to}`,
    how: "Когда освободится подходящее время, мы напишем вам. Время не закрепляется: его получит тот, кто запишется первым.",
    leave: "Выйти из листа ожидания",
  },
};

/** The day as words (`Monday, 7 December 2026`): a calendar day, the same in every host zone. */
function dayWords(date: string, locale: MessageLocale): string {
  return (
    new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    })
      .format(new Date(`${date}T12:00:00Z`))
      // "… 2026 г." would end the sentence with two periods.
      .replace(/\s*г\.$/, "")
  );
}

/** A guest's confirmation of joining the waitlist, with the link that takes them off it. */
export function renderWaitlistJoinedMessage(d: WaitlistJoinedData): RenderedMessage {
  const w = WORDS[d.locale];
  const j = JOINED[d.locale];
  const subject = oneLine(j.subject(d.businessName));
  const greeting = w.greeting(d.recipientName);
  const window = d.from || d.to ? j.window(d.from ?? "00:00", d.to ?? "24:00") : "";
  const lead = j.lead(d.serviceName, d.workerName, dayWords(d.date, d.locale), window);
  const text = [
    greeting,
    "",
    lead,
    j.how,
    "",
    `${j.leave}: ${d.leaveLink}`,
    "",
    "--",
    w.footer(d.businessName),
    "",
  ].join("\n");
  const e = escapeHtml;
  const html = htmlMail(d.locale, subject, w.footer(d.businessName), [
    `<p>${e(greeting)}</p>`,
    `<p>${e(lead)}</p>`,
    `<p>${e(j.how)}</p>`,
    `<p><a href="${e(d.leaveLink)}">${e(j.leave)}</a></p>`,
  ]);
  return { subject, text, html };
}
