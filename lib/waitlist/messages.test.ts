// The guest's confirmation of joining the waitlist, and the free-up message's leave link, in English
// and Russian: the day in words (the same in every host zone), the window, the leave link in text and
// escaped HTML.
import { describe, expect, it } from "vitest";
import { renderWaitlistJoinedMessage, renderWaitlistMessage } from "./messages";

const leaveLink = "https://book.example.test/waitlist/0d7c/leave#token=SLOTWISE_MANAGE_TOKEN_PLACEHOLDER";

describe("the guest's confirmation", () => {
  it("names the service, the worker, the day and the window, and carries the leave link (en)", () => {
    const m = renderWaitlistJoinedMessage({
      locale: "en",
      businessName: "Salon <One>",
      recipientName: "Gina",
      serviceName: "Haircut",
      workerName: "Anna",
      date: "2026-03-29",
      from: "10:00",
      to: null,
      leaveLink,
    });
    expect(m.subject).toBe("Salon <One>: you are on the waitlist");
    expect(m.text).toContain("Hello, Gina!");
    expect(m.text).toContain(
      "You are on the waitlist for Haircut with Anna on Sunday, 29 March 2026, between 10:00 and 24:00.",
    );
    expect(m.text).toContain(`Leave the waitlist: ${leaveLink}`);
    expect(m.html).toContain(`<a href="${leaveLink}">Leave the waitlist</a>`);
    expect(m.html).toContain("Salon &lt;One&gt;");
  });

  it("reads in Russian, for any worker and the whole day", () => {
    const m = renderWaitlistJoinedMessage({
      locale: "ru",
      businessName: "Салон",
      recipientName: "Борис",
      serviceName: "Стрижка",
      workerName: null,
      date: "2026-03-29",
      from: null,
      to: null,
      leaveLink,
    });
    expect(m.subject).toBe("Салон: вы в листе ожидания");
    expect(m.text).toContain("Здравствуйте, Борис!");
    expect(m.text).toContain("Вы в листе ожидания на «Стрижка» на воскресенье, 29 марта 2026.");
    expect(m.text).toContain(`Выйти из листа ожидания: ${leaveLink}`);
  });
});

describe("the free-up message", () => {
  const base = {
    locale: "en" as const,
    businessName: "Salon",
    recipientName: "Gina",
    serviceName: "Haircut",
    workerName: "Anna",
    start: new Date("2026-03-29T07:00:00Z"),
    timeZone: "Europe/Moscow",
    link: "https://book.example.test/workers/anna?service=haircut&date=2026-03-29",
  };
  it("carries the leave link for a guest only", () => {
    expect(renderWaitlistMessage(base).text).not.toContain("Leave the waitlist");
    const guest = renderWaitlistMessage({ ...base, leaveLink });
    expect(guest.text).toContain(`Leave the waitlist: ${leaveLink}`);
    expect(guest.html).toContain(`<a href="${leaveLink}">Leave the waitlist</a>`);
  });
});
