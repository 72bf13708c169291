// The booking rules in plain words, in both languages (the ICU plurals included), as the booking
// confirmation, an appointment's page and My appointments render them on the server.
import { createTranslator } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import en from "@/messages/en/policy.json";
import ru from "@/messages/ru/policy.json";

const locale = vi.hoisted(() => ({ current: "en" as "en" | "ru" }));

vi.mock("next-intl/server", () => ({
  getLocale: async () => locale.current,
  getTranslations: async (namespace: string) =>
    createTranslator({
      locale: locale.current,
      messages: { policy: locale.current === "en" ? en : ru },
      namespace: namespace as "policy",
    }),
}));

const { PolicyNote } = await import("./policy-note");

const policy = {
  minNoticeMinutes: 120,
  cancelCutoffMinutes: 1440,
  rescheduleCutoffMinutes: 90,
  maxUpcomingPerClient: 2,
  allowClientOverlap: false,
  reminderOffsetsMinutes: [1440],
};

async function render(lang: "en" | "ru", props: Parameters<typeof PolicyNote>[0]) {
  locale.current = lang;
  const html = renderToStaticMarkup(await PolicyNote(props));
  return html
    .replace(/<[^>]+>/g, "\n")
    .split("\n")
    .filter(Boolean);
}

describe("the booking rules in plain words", () => {
  it("says each rule in English", async () => {
    expect(await render("en", { policy })).toEqual([
      "Booking rules",
      "Book at least 2 hours before the start.",
      "Free cancellation online up to 1 day before the start.",
      "You can move your appointment online up to 1 hour 30 minutes before the start.",
      "You can hold 2 upcoming appointments at a time.",
      "Later than that, please contact us.",
    ]);
  });

  it("says each rule in Russian, in the right grammatical forms", async () => {
    expect(await render("ru", { policy: { ...policy, minNoticeMinutes: 21, maxUpcomingPerClient: 5 } })).toEqual([
      "Правила записи",
      "Записаться можно не позднее чем за 21 минуту до начала.",
      "Бесплатно отменить запись на сайте можно не позднее чем за 1 день до начала.",
      "Перенести запись на сайте можно не позднее чем за 1 час 30 минут до начала.",
      "Одновременно можно иметь 5 предстоящих записей.",
      "Позже — свяжитесь с нами.",
    ]);
  });

  it("says what is always allowed when no rule is set", async () => {
    const none = {
      ...policy,
      minNoticeMinutes: 0,
      cancelCutoffMinutes: 0,
      rescheduleCutoffMinutes: 0,
      maxUpcomingPerClient: null,
    };
    expect(await render("en", { policy: none })).toEqual([
      "Booking rules",
      "Free cancellation online until the start.",
      "You can move your appointment online until the start.",
    ]);
  });

  it("gives a booked appointment its own deadlines in its zone, or says they have closed", async () => {
    const appointment = {
      start: "2026-06-10T12:00:00Z",
      timeZone: "Europe/Moscow",
      now: new Date("2026-06-10T10:00:00Z"),
    };
    const lines = await render("en", { policy, appointment });
    expect(lines.at(-2)).toMatch(/^This appointment can no longer be cancelled online \(that closed at .*15:00\)\.$/);
    expect(lines.at(-1)).toMatch(/^This appointment: move online until .*13:30\.$/);
  });
});
