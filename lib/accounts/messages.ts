// The words of the account messages (password reset, email verification), in English and Russian,
// as plain text and escaped HTML, in the style of lib/notifications/templates.ts. The link carries
// the token in its fragment (after #), which browsers never send to a server, so it stays out of
// every access log; the code is also written out, for a browser without JavaScript (the page then
// asks for it).
import { escapeHtml, type MessageLocale, oneLine, type RenderedMessage } from "@/lib/notifications/templates";

export type AccountMessageKind = "password_reset" | "email_verification";

export type AccountMessageData = {
  kind: AccountMessageKind;
  locale: MessageLocale;
  businessName: string;
  recipientName: string;
  /** The page's link, with the token in its fragment. */
  link: string;
  /** The token itself, to paste when the page cannot read the link. */
  code: string;
};

type Words = {
  greeting: (name: string) => string;
  subject: Record<AccountMessageKind, (business: string) => string>;
  lead: Record<AccountMessageKind, string>;
  action: Record<AccountMessageKind, string>;
  code: string;
  expiry: string;
  ignore: Record<AccountMessageKind, string>;
  footer: (business: string) => string;
};

const WORDS: Record<MessageLocale, Words> = {
  en: {
    greeting: (name) => `Hello, ${name}!`,
    subject: {
      password_reset: (business) => `${business}: reset your password`,
      email_verification: (business) => `${business}: confirm your email address`,
    },
    lead: {
      password_reset: "Someone (we hope you) asked to reset the password of your account. Choose a new one here:",
      email_verification: "Please confirm that this is your email address:",
    },
    action: { password_reset: "Choose a new password", email_verification: "Confirm my email address" },
    code: "If the page asks for a code, enter",
    expiry: "The link works once, for 1 hour.",
    ignore: {
      password_reset: "If you did not ask for this, ignore this message: your password stays as it is.",
      email_verification: "If you did not create an account, ignore this message.",
    },
    footer: (business) => `${business} · this message was sent by the booking system.`,
  },
  ru: {
    greeting: (name) => `Здравствуйте, ${name}!`,
    subject: {
      password_reset: (business) => `${business}: сброс пароля`,
      email_verification: (business) => `${business}: подтвердите адрес электронной почты`,
    },
    lead: {
      password_reset:
        "Кто-то (надеемся, вы) попросил сбросить пароль вашей учётной записи. Задайте новый пароль здесь:",
      email_verification: "Пожалуйста, подтвердите, что это ваш адрес электронной почты:",
    },
    action: { password_reset: "Задать новый пароль", email_verification: "Подтвердить адрес" },
    code: "Если страница попросит код, введите",
    expiry: "Ссылка действует один раз в течение 1 часа.",
    ignore: {
      password_reset: "Если вы этого не просили, просто проигнорируйте письмо: пароль останется прежним.",
      email_verification: "Если вы не создавали учётную запись, просто проигнорируйте письмо.",
    },
    footer: (business) => `${business} · письмо отправлено системой записи.`,
  },
};

export function renderAccountMessage(d: AccountMessageData): RenderedMessage {
  const w = WORDS[d.locale];
  const subject = oneLine(w.subject[d.kind](d.businessName));
  const greeting = w.greeting(d.recipientName);
  const text = [
    greeting,
    "",
    w.lead[d.kind],
    "",
    d.link,
    "",
    `${w.code}: ${d.code}`,
    w.expiry,
    "",
    w.ignore[d.kind],
    "",
    "--",
    w.footer(d.businessName),
    "",
  ].join("\n");
  const e = escapeHtml;
  const html = [
    "<!doctype html>",
    `<html lang="${d.locale}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; color: #111; line-height: 1.5">',
    `<p>${e(greeting)}</p>`,
    `<p>${e(w.lead[d.kind])}</p>`,
    `<p><a href="${e(d.link)}">${e(w.action[d.kind])}</a></p>`,
    `<p>${e(w.code)}: <code>${e(d.code)}</code><br>${e(w.expiry)}</p>`,
    `<p>${e(w.ignore[d.kind])}</p>`,
    `<p style="color: #777; font-size: 12px">${e(w.footer(d.businessName))}</p>`,
    "</body></html>",
    "",
  ].join("\n");
  return { subject, text, html };
}
