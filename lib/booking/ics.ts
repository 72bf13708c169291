// Appointments as RFC 5545 calendars (ical-generator). Times are written in UTC; the UID is the
// appointment's id, so a calendar app updates the same event when it is moved or cancelled.
import ical, { escape as escapeText, ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { AppointmentRow } from "@/db/queries/appointments";
import type { Business } from "@/lib/contract/business";

const PRODUCT = { company: "Slotwise", product: "Slotwise", language: "EN" };

export const eventUid = (appointmentId: string) => `${appointmentId}@slotwise`;

/** The reminder of a client's calendar when the business has none set. */
export const DEFAULT_ALARM_MINUTES = 60;

type Perspective = "client" | "worker";

/** What a client's calendar file adds to the event: the business's contacts, a link, a reminder. */
export type ClientCalendarDetails = {
  /** The location's street address. */
  address?: string | null;
  /** The business profile (lib/business): its name and contacts, and its first reminder offset. */
  business?: Business;
  /**
   * A link to the booking, as the URL of the event. Only ever a link that needs no secret (the
   * appointment's page, which asks a registered client to sign in): a guest's manage link is in
   * their mail's text and never in a calendar file, which is shared and synced more freely.
   */
  link?: string | null;
};

/** The business's first reminder offset (as it lists them), or 60 minutes. */
export function alarmMinutes(business: Business | undefined): number {
  const first = business?.policy.reminderOffsetsMinutes.find((m) => Number.isInteger(m) && m > 0);
  return first ?? DEFAULT_ALARM_MINUTES;
}

/** "Name, address" of the appointment's location (the address when it has one). */
const place = (row: AppointmentRow, address: string | null | undefined) =>
  [row.location.name, address].filter((part): part is string => Boolean(part?.trim())).join(", ");

/** The description: the client's notes, then the business's name and contacts, one a line. */
function clientDescription(row: AppointmentRow, details: ClientCalendarDetails): string | null {
  const b = details.business;
  const contacts = b ? [b.name, b.phone, b.email, b.website].filter((v): v is string => Boolean(v?.trim())) : [];
  const parts = [row.appointment.notes?.trim() || null, contacts.join("\n") || null, details.link ?? null];
  const text = parts.filter((part): part is string => Boolean(part)).join("\n\n");
  return text || null;
}

function addEvent(
  calendar: ReturnType<typeof ical>,
  row: AppointmentRow,
  perspective: Perspective,
  details: ClientCalendarDetails = {},
) {
  const a = row.appointment;
  const what = row.service?.name ?? row.location.name;
  const who = perspective === "worker" ? row.client.name : row.worker?.name;
  const event = calendar.createEvent({
    id: eventUid(a.id),
    start: a.startAt,
    end: a.endAt,
    stamp: a.updatedAt,
    created: a.createdAt,
    lastModified: a.updatedAt,
    // Each change bumps updated_at, so seconds since creation only ever grow: a valid SEQUENCE.
    sequence: Math.max(0, Math.floor((a.updatedAt.getTime() - a.createdAt.getTime()) / 1000)),
    summary: who ? `${what} · ${who}` : what,
    location: perspective === "client" ? place(row, details.address) : row.location.name,
    description: perspective === "client" ? clientDescription(row, details) : (a.notes ?? null),
    url: perspective === "client" ? (details.link ?? null) : null,
    status: a.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  if (perspective === "client" && a.status === "booked") {
    event.createAlarm({
      type: ICalAlarmType.display,
      trigger: alarmMinutes(details.business) * 60,
      description: what,
    });
  }
}

/**
 * One appointment as a calendar file to import (METHOD:PUBLISH), for its client: the location's
 * address, the business's contacts, an optional link and a reminder (VALARM) at the business's first
 * reminder offset, or 60 minutes before.
 */
export function appointmentCalendar(row: AppointmentRow, details: ClientCalendarDetails = {}): string {
  const calendar = ical({
    prodId: PRODUCT,
    method: ICalCalendarMethod.PUBLISH,
    name: calendarName(details.business ? `${details.business.name} appointment` : "Slotwise appointment"),
  });
  addEvent(calendar, row, "client", details);
  return calendar.toString();
}

/**
 * The calendar's NAME and X-WR-CALNAME as TEXT. ical-generator escapes the TEXT of events (SUMMARY,
 * LOCATION, DESCRIPTION) but writes the calendar's name as given, so a line break in a worker's name
 * would start properties and events of its own; its own escape makes the name one line of text.
 */
const calendarName = (name: string) => escapeText(name, false);

/** A worker's appointments as a subscribable feed; cancelled ones stay in it, marked CANCELLED. */
export function workerCalendar(workerName: string, rows: AppointmentRow[]): string {
  const calendar = ical({
    prodId: PRODUCT,
    method: ICalCalendarMethod.PUBLISH,
    name: calendarName(`Slotwise · ${workerName}`),
    ttl: 15 * 60,
  });
  for (const row of rows) addEvent(calendar, row, "worker");
  return calendar.toString();
}

export function calendarResponse(body: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `inline; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
