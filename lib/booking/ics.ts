// Appointments as RFC 5545 calendars (ical-generator). Times are written in UTC; the UID is the
// appointment's id, so a calendar app updates the same event when it is moved or cancelled.
import ical, { escape as escapeText, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { AppointmentRow } from "@/db/queries/appointments";

const PRODUCT = { company: "Slotwise", product: "Slotwise", language: "EN" };

export const eventUid = (appointmentId: string) => `${appointmentId}@slotwise`;

type Perspective = "client" | "worker";

function addEvent(calendar: ReturnType<typeof ical>, row: AppointmentRow, perspective: Perspective) {
  const a = row.appointment;
  const what = row.service?.name ?? row.location.name;
  const who = perspective === "worker" ? row.client.name : row.worker?.name;
  calendar.createEvent({
    id: eventUid(a.id),
    start: a.startAt,
    end: a.endAt,
    stamp: a.updatedAt,
    created: a.createdAt,
    lastModified: a.updatedAt,
    // Each change bumps updated_at, so seconds since creation only ever grow: a valid SEQUENCE.
    sequence: Math.max(0, Math.floor((a.updatedAt.getTime() - a.createdAt.getTime()) / 1000)),
    summary: who ? `${what} · ${who}` : what,
    location: row.location.name,
    description: a.notes ?? null,
    status: a.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** One appointment as a calendar file to import (METHOD:PUBLISH). */
export function appointmentCalendar(row: AppointmentRow): string {
  const calendar = ical({
    prodId: PRODUCT,
    method: ICalCalendarMethod.PUBLISH,
    name: calendarName("Slotwise appointment"),
  });
  addEvent(calendar, row, "client");
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
