// The client's calendar file of an appointment (./ics.ts), parsed back with ical.js: the location's
// address, the business's contacts and link in the description, a VALARM at the business's first
// reminder offset (or 60 minutes), text escaped so no value starts a property of its own, and no
// alarm on a cancelled appointment or in a worker's feed.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { AppointmentRow } from "@/db/queries/appointments";
import { BUSINESS_DEFAULTS, type Business } from "@/lib/contract/business";
import { appointmentCalendar, workerCalendar } from "./ics";

const start = new Date("2026-03-09T11:00:00Z");
const end = new Date("2026-03-09T12:00:00Z");

function row(over: Partial<AppointmentRow["appointment"]> = {}, names: { service?: string } = {}): AppointmentRow {
  return {
    appointment: {
      id: "5d1f0a52-7c53-4f7e-9a43-0f4f3c1b8c01",
      startAt: start,
      endAt: end,
      createdAt: new Date("2026-03-01T10:00:00Z"),
      updatedAt: new Date("2026-03-01T10:00:00Z"),
      status: "booked",
      notes: null,
      ...over,
    },
    timezone: "Europe/Moscow",
    location: { id: "l", slug: "main", name: "Main; salon, floor 2", kind: "workplace" },
    worker: { id: "w", slug: "anna", name: "Anna" },
    service: { id: "s", slug: "cut", name: names.service ?? "Haircut" },
    client: { id: "c", name: "Client", phone: null, email: "c@example.test", userId: null },
  } as unknown as AppointmentRow;
}

const business: Business = {
  ...BUSINESS_DEFAULTS,
  name: "Salon, Ltd.",
  phone: "+7 900 000-00-00",
  email: "hello@salon.example",
  website: "https://salon.example",
  policy: { ...BUSINESS_DEFAULTS.policy, reminderOffsetsMinutes: [1440, 120] },
};

function eventOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe("a client's .ics", () => {
  it("has the address, the business's contacts, the link and a VALARM at the first reminder offset", () => {
    const text = appointmentCalendar(row(), {
      business,
      address: "Tverskaya st. 1, Moscow",
      link: "https://book.example/appointments/5d1f0a52-7c53-4f7e-9a43-0f4f3c1b8c01",
    });
    const { vevent, event } = eventOf(text);
    expect(event.location).toBe("Main; salon, floor 2, Tverskaya st. 1, Moscow");
    expect(event.description).toContain("Salon, Ltd.");
    expect(event.description).toContain("+7 900 000-00-00");
    expect(event.description).toContain("hello@salon.example");
    expect(event.description).toContain("https://salon.example");
    expect(event.description).toContain("https://book.example/appointments/5d1f0a52");
    expect(String(vevent.getFirstPropertyValue("url"))).toBe(
      "https://book.example/appointments/5d1f0a52-7c53-4f7e-9a43-0f4f3c1b8c01",
    );
    const alarms = vevent.getAllSubcomponents("valarm");
    expect(alarms).toHaveLength(1);
    const alarm = alarms[0] as ICAL.Component;
    expect(alarm.getFirstPropertyValue("action")).toBe("DISPLAY");
    const trigger = alarm.getFirstPropertyValue("trigger") as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(-1440 * 60);
    expect(event.startDate.toJSDate().toISOString()).toBe(start.toISOString());
  });

  it("reminds 60 minutes before when the business has no reminder, and without a business", () => {
    for (const details of [
      { business: { ...business, policy: { ...business.policy, reminderOffsetsMinutes: [] } } },
      {},
    ]) {
      const { vevent } = eventOf(appointmentCalendar(row(), details));
      const alarm = vevent.getFirstSubcomponent("valarm");
      const trigger = alarm?.getFirstPropertyValue("trigger") as ICAL.Duration | undefined;
      expect(trigger?.toSeconds()).toBe(-3600);
    }
  });

  it("escapes text: line breaks, commas and semicolons stay inside their value", () => {
    const evil = "Cut\r\nATTENDEE:mailto:x@evil.example\nEND:VEVENT";
    const text = appointmentCalendar(row({ notes: "Line one\nLine two; a, b" }, { service: evil }), {
      business: { ...business, name: "Salon\nX-INJECTED:1" },
      address: "Street 1;\nBEGIN:VALARM",
    });
    expect(text).not.toMatch(/^ATTENDEE/m);
    expect(text).not.toMatch(/^X-INJECTED/m);
    expect(text.match(/^BEGIN:VALARM/gm)).toHaveLength(1);
    expect(text.match(/^END:VEVENT/gm)).toHaveLength(1);
    const { event, calendar } = eventOf(text);
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(1);
    expect(event.summary).toContain("ATTENDEE:mailto:x@evil.example");
    expect(event.location).toBe("Main; salon, floor 2, Street 1;\nBEGIN:VALARM");
    expect(event.description).toContain("Line one\nLine two; a, b");
    expect(event.description).toContain("Salon\nX-INJECTED:1");
  });

  it("a guest's calendar carries no link; a cancelled one no alarm; a worker's feed neither", () => {
    const guest = appointmentCalendar(row(), { business, address: "Street 1" });
    expect(guest).not.toMatch(/^URL/m);
    expect(guest).not.toContain("manage");
    const cancelled = appointmentCalendar(row({ status: "cancelled" }), { business });
    expect(eventOf(cancelled).vevent.getAllSubcomponents("valarm")).toHaveLength(0);
    const feed = workerCalendar("Anna", [row()]);
    expect(eventOf(feed).vevent.getAllSubcomponents("valarm")).toHaveLength(0);
  });
});
