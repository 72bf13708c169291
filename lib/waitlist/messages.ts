// The words of the waitlist's message (a fitting time freed up), in English and Russian, as plain
// text and escaped HTML, in the style of lib/notifications/templates.ts.
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
};

type Words = {
  greeting: (name: string) => string;
  subject: (business: string) => string;
  lead: (service: string, worker: string, when: string) => string;
  race: string;
  action: string;
  footer: (business: string) => string;
};

const WORDS: Record<MessageLocale, Words> = {
  en: {
    greeting: (name) => `Hello, ${name}!`,
    subject: (business) => `${business}: a time you are waiting for is free`,
    lead: (service, worker, when) => `A time has freed up for ${service} with ${worker}: ${when}.`,
    race: "You are on the waitlist for that day. The time is not held: whoever books first gets it.",
    action: "See the free times and book",
    footer: (business) => `${business} · this message was sent by the booking system.`,
  },
  ru: {
    greeting: (name) => `Здравствуйте, ${name}!`,
    subject: (business) => `${business}: освободилось время, которого вы ждёте`,
    lead: (service, worker, when) => `Освободилось время на «${service}» у специалиста ${worker}: ${when}.`,
    race: "Вы в листе ожидания на этот день. Время не закреплено за вами: его получит тот, кто запишется первым.",
    action: "Посмотреть свободное время и записаться",
    footer: (business) => `${business} · письмо отправлено системой записи.`,
  },
};

export function renderWaitlistMessage(d: WaitlistMessageData): RenderedMessage {
  const w = WORDS[d.locale];
  const subject = oneLine(w.subject(d.businessName));
  const greeting = w.greeting(d.recipientName);
  const lead = w.lead(d.serviceName, d.workerName, localTime(d.start, d.timeZone, d.locale));
  const text = [greeting, "", lead, w.race, "", `${w.action}: ${d.link}`, "", "--", w.footer(d.businessName), ""].join(
    "\n",
  );
  const e = escapeHtml;
  const html = [
    "<!doctype html>",
    `<html lang="${d.locale}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; color: #111; line-height: 1.5">',
    `<p>${e(greeting)}</p>`,
    `<p>${e(lead)}</p>`,
    `<p>${e(w.race)}</p>`,
    `<p><a href="${e(d.link)}">${e(w.action)}</a></p>`,
    `<p style="color: #777; font-size: 12px">${e(w.footer(d.businessName))}</p>`,
    "</body></html>",
    "",
  ].join("\n");
  return { subject, text, html };
}
