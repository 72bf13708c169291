// Reminder planning at its edges: booked a minute before an offset's moment, exactly at it, after
// it; across a DST change; rescheduled; cancelled. Pure functions of instants, so the machine's zone
// (run under TZ=UTC and TZ=America/Los_Angeles) changes nothing.
import { describe, expect, it } from "vitest";
import { messageLocale } from "./locale";
import { type AppointmentState, planChange, plannedReminders } from "./plan";
import { localTime, renderAppointmentMessage } from "./templates";

const MIN = 60_000;
const at = (iso: string) => new Date(iso);
const start = at("2026-03-10T15:00:00Z");
const booked = (startAt: Date, extra: Partial<AppointmentState> = {}): AppointmentState => ({
  status: "booked",
  startAt,
  endAt: new Date(startAt.getTime() + 60 * MIN),
  workerId: "w1",
  locationId: "l1",
  ...extra,
});
const kinds = (messages: { kind: string; offsetMinutes: number | null }[]) =>
  messages.map((m) => (m.kind === "reminder" ? `reminder:${m.offsetMinutes}` : m.kind));

describe("plannedReminders", () => {
  it("plans one per offset, at start − offset, latest offset first", () => {
    const now = at("2026-03-01T00:00:00Z");
    expect(plannedReminders(start, [120, 1440], now).map((r) => [r.offsetMinutes, r.sendAfter.toISOString()])).toEqual([
      [1440, "2026-03-09T15:00:00.000Z"],
      [120, "2026-03-10T13:00:00.000Z"],
    ]);
  });

  it("booked one minute before an offset's moment: that reminder is planned, a minute later", () => {
    const now = new Date(start.getTime() - 1440 * MIN - MIN);
    const reminders = plannedReminders(start, [1440, 120], now);
    expect(reminders.map((r) => r.offsetMinutes)).toEqual([1440, 120]);
    expect((reminders[0]?.sendAfter.getTime() ?? 0) - now.getTime()).toBe(MIN);
  });

  it("booked exactly at an offset's moment: none for that offset (the confirmation goes out now)", () => {
    const now = new Date(start.getTime() - 1440 * MIN);
    expect(plannedReminders(start, [1440, 120], now).map((r) => r.offsetMinutes)).toEqual([120]);
  });

  it("booked after every moment: no reminders", () => {
    const now = new Date(start.getTime() - 119 * MIN);
    expect(plannedReminders(start, [1440, 120], now)).toEqual([]);
  });

  it("ignores duplicate, zero and negative offsets", () => {
    const now = at("2026-03-01T00:00:00Z");
    expect(plannedReminders(start, [120, 120, 0, -5], now).map((r) => r.offsetMinutes)).toEqual([120]);
  });

  it("counts offsets as real time across a DST change (Los Angeles springs forward on 8 March 2026)", () => {
    // 9 March 09:00 in Los Angeles is 16:00Z (PDT, UTC−7); 24 hours earlier is 8 March 16:00Z,
    // 08:00 PDT, since 02:00–03:00 local did not exist that night.
    const dstStart = at("2026-03-09T16:00:00Z");
    const [reminder] = plannedReminders(dstStart, [1440], at("2026-03-01T00:00:00Z"));
    expect(reminder?.sendAfter.toISOString()).toBe("2026-03-08T16:00:00.000Z");
    expect(localTime(dstStart, "America/Los_Angeles", "en")).toBe(
      "Monday, 9 March 2026, 09:00 (America/Los_Angeles, GMT-7)",
    );
    expect(localTime(reminder?.sendAfter as Date, "America/Los_Angeles", "en")).toBe(
      "Sunday, 8 March 2026, 09:00 (America/Los_Angeles, GMT-7)",
    );
    // The day before, still standard time: the same instant-of-day reads an hour earlier.
    expect(localTime(at("2026-03-07T16:00:00Z"), "America/Los_Angeles", "en")).toBe(
      "Saturday, 7 March 2026, 08:00 (America/Los_Angeles, GMT-8)",
    );
  });
});

describe("planChange", () => {
  const now = at("2026-03-01T00:00:00Z");
  const offsetsMinutes = [1440, 120];

  it("a new booking: confirmation, the reminders, and the worker's message", () => {
    const plan = planChange({ before: null, after: booked(start), offsetsMinutes, now });
    expect(kinds(plan.messages)).toEqual(["confirmation", "reminder:1440", "reminder:120", "worker_new"]);
    expect(plan.dropReminders).toBe(false);
    expect(plan.messages[0]?.sendAfter).toEqual(now);
  });

  it("a booking made 90 minutes ahead: confirmation only, no reminders", () => {
    const soon = new Date(now.getTime() + 90 * MIN);
    expect(kinds(planChange({ before: null, after: booked(soon), offsetsMinutes, now }).messages)).toEqual([
      "confirmation",
      "worker_new",
    ]);
  });

  it("a reschedule: the old reminders dropped, new ones at the new start", () => {
    const later = at("2026-03-20T10:00:00Z");
    const plan = planChange({ before: booked(start), after: booked(later), offsetsMinutes, now });
    expect(plan.dropReminders).toBe(true);
    expect(kinds(plan.messages)).toEqual(["rescheduled", "reminder:1440", "reminder:120", "worker_moved"]);
    expect(plan.messages.find((m) => m.offsetMinutes === 120)?.sendAfter.toISOString()).toBe(
      "2026-03-20T08:00:00.000Z",
    );
  });

  it("a reschedule to within two hours: the moved message, no reminders left", () => {
    const soon = new Date(now.getTime() + 60 * MIN);
    const plan = planChange({ before: booked(start), after: booked(soon), offsetsMinutes, now });
    expect(kinds(plan.messages)).toEqual(["rescheduled", "worker_moved"]);
    expect(plan.dropReminders).toBe(true);
  });

  it("a move to another worker at the same time counts as a move", () => {
    const plan = planChange({ before: booked(start), after: booked(start, { workerId: "w2" }), offsetsMinutes, now });
    expect(kinds(plan.messages)[0]).toBe("rescheduled");
  });

  it("a cancellation: the cancelled messages, reminders dropped", () => {
    const plan = planChange({
      before: booked(start),
      after: booked(start, { status: "cancelled" }),
      offsetsMinutes,
      now,
    });
    expect(kinds(plan.messages)).toEqual(["cancelled", "worker_cancelled"]);
    expect(plan.dropReminders).toBe(true);
  });

  it("completed or a no-show: nothing sent, reminders dropped", () => {
    for (const status of ["completed", "no_show"] as const) {
      const plan = planChange({ before: booked(start), after: booked(start, { status }), offsetsMinutes, now });
      expect(plan).toEqual({ messages: [], dropReminders: true });
    }
  });

  it("notes only: nothing", () => {
    expect(planChange({ before: booked(start), after: booked(start), offsetsMinutes, now })).toEqual({
      messages: [],
      dropReminders: false,
    });
  });
});

describe("templates", () => {
  const data = {
    kind: "confirmation" as const,
    locale: "en" as const,
    businessName: 'Salon <b>"Rose"</b>',
    recipientName: "Ann <script>alert(1)</script>",
    clientName: "Ann",
    serviceName: "Haircut\r\nBcc: victim@example.com",
    workerName: "Olga & Co",
    locationName: "Main",
    address: "1 Road <i>",
    start,
    end: new Date(start.getTime() + 60 * MIN),
    timeZone: "Europe/Moscow",
    link: "https://app.example/appointments/1?a=1&b=2",
  };

  it("escapes every value in HTML and keeps the subject on one line", () => {
    const message = renderAppointmentMessage(data);
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(message.subject).toBe("Booked: Haircut Bcc: victim@example.com, 10 Mar 2026, 18:00");
    expect(message.html).not.toContain("<script>");
    expect(message.html).not.toContain("<b>");
    expect(message.html).toContain("Ann &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(message.html).toContain("Olga &amp; Co");
    expect(message.html).toContain('href="https://app.example/appointments/1?a=1&amp;b=2"');
    expect(message.text).toContain("When: Tuesday, 10 March 2026, 18:00 (Europe/Moscow, GMT+3)");
    expect(message.text).toContain("Where: Main, 1 Road <i>");
  });

  it("writes Russian with the time in Russian", () => {
    const message = renderAppointmentMessage({ ...data, locale: "ru", kind: "reminder", offsetMinutes: 120 });
    expect(message.subject).toMatch(/^Напоминание: /);
    expect(message.text).toContain("через 2 часа");
    expect(message.text).toContain("Когда: вторник, 10 марта 2026, 18:00 (Europe/Moscow, GMT+3)");
  });
});

describe("messageLocale", () => {
  it("takes the first known language: the account's, the booking's, the request's, else English", () => {
    expect(messageLocale("ru", "en", "en")).toBe("ru");
    expect(messageLocale(null, "ru", "en")).toBe("ru");
    expect(messageLocale(null, null, "ru")).toBe("ru");
    expect(messageLocale(null, "de", undefined)).toBe("en");
    expect(messageLocale()).toBe("en");
  });
});
