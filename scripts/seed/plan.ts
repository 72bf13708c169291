// Which shifts and appointments the demo should have, as pure functions of the calendar. Everything
// is keyed by absolute dates and given a deterministic id, so seeding again (today or next week)
// proposes the same rows for the days already seeded, and the inserts skip them.
import { createHash } from "node:crypto";
import type { AppointmentStatus, NewAppointment, NewShift, Service } from "@/db/schema";
import { planWeeklyShifts } from "@/lib/schedule/plan";
import { addDaysToDate, isoWeekdayOf, zonedDateOf, zonedDateTimeToInstant, zonedDayBounds } from "@/lib/time/zoned";
import type { DemoRule } from "./data";

/** Days of shifts before today (history for the past appointments) and from today on. */
export const PAST_DAYS = 8;
export const FUTURE_DAYS = 14;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A stable UUID (version 5 layout) for a demo row, so the same row always gets the same id. */
export function demoId(key: string): string {
  const hex = createHash("sha256").update(`slotwise-demo:${key}`).digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const groups = [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    variant + hex.slice(17, 20),
    hex.slice(20, 32),
  ];
  return groups.join("-");
}

/** Days since 1970-01-01: spreads appointments over absolute dates, independent of the seeding day. */
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

export type PlannedWorker = {
  index: number;
  id: string;
  slug: string;
  locationId: string;
  timezone: string;
  scheduleId: string | null;
  rules: readonly DemoRule[];
  services: Service[];
};

/** The worker's shifts from PAST_DAYS ago to FUTURE_DAYS ahead, from the weekly rules; Sundays off. */
export function planShifts(worker: PlannedWorker, now: Date): NewShift[] {
  const today = zonedDateOf(now, worker.timezone);
  const rules = worker.rules.flatMap((rule) =>
    rule.weekdays.filter((weekday) => weekday !== 7).map((weekday) => ({ weekday, start: rule.start, end: rule.end })),
  );
  const range = { from: addDaysToDate(today, -PAST_DAYS), through: addDaysToDate(today, FUTURE_DAYS - 1) };
  return planWeeklyShifts(rules, { ...range, timeZone: worker.timezone }).map((shift) => ({
    id: demoId(`shift:${worker.slug}:${shift.date}:${shift.rule.start}`),
    workerId: worker.id,
    locationId: worker.locationId,
    startAt: shift.start,
    endAt: shift.end,
    weeklyScheduleId: worker.scheduleId,
  }));
}

export type ExistingShift = { workerId: string; locationId: string; startAt: Date; endAt: Date };

type Booking = {
  key: string;
  worker: PlannedWorker;
  date: string;
  hoursIn: number;
  service: Service;
  clientId: string;
  status: AppointmentStatus;
};

/** Places a booking some hours into the worker's first shift that day, if it fits there. */
function placeInShift(b: Booking, shifts: ExistingShift[], createdBy: string | null): NewAppointment | null {
  const shift = shifts.find((s) => s.workerId === b.worker.id && zonedDateOf(s.startAt, b.worker.timezone) === b.date);
  if (!shift) return null;
  const startAt = new Date(shift.startAt.getTime() + b.hoursIn * HOUR);
  const endAt = new Date(startAt.getTime() + b.service.durationMinutes * 60_000);
  if (endAt > shift.endAt) return null;
  const past = b.status !== "booked";
  return {
    id: demoId(b.key),
    workerId: b.worker.id,
    locationId: shift.locationId,
    serviceId: b.service.id,
    clientId: b.clientId,
    startAt,
    endAt,
    status: b.status,
    price: b.service.price,
    currency: b.service.currency,
    createdBy,
    ...(past ? { createdAt: new Date(startAt.getTime() - 3 * DAY) } : {}),
    ...(b.status === "cancelled" ? { cancelledAt: new Date(startAt.getTime() - DAY), cancelledBy: createdBy } : {}),
  };
}

export type AppointmentPlanInput = {
  workers: PlannedWorker[];
  shifts: ExistingShift[];
  clientIds: string[];
  past: readonly { worker: string; status: AppointmentStatus }[];
  now: Date;
  createdBy: string | null;
};

/**
 * About one booked appointment per worker every five working days ahead, inside the shifts that
 * really exist (a manager may have changed them), plus the listed past ones on a recent working day.
 */
export function planAppointments(input: AppointmentPlanInput): NewAppointment[] {
  const { workers, shifts, clientIds, now, createdBy } = input;
  const planned: NewAppointment[] = [];
  const add = (booking: Booking) => {
    const row = placeInShift(booking, shifts, createdBy);
    if (row?.startAt && (booking.status !== "booked" || row.startAt > now)) planned.push(row);
  };
  for (const worker of workers) {
    const today = zonedDateOf(now, worker.timezone);
    for (let offset = 1; offset < FUTURE_DAYS; offset++) {
      const date = addDaysToDate(today, offset);
      const n = dayNumber(date) + worker.index;
      if (n % 5 !== 0 || worker.services.length === 0) continue;
      const service = worker.services[n % worker.services.length];
      // Every fourth round goes to the first client (the demo client account), so signing in as it
      // always shows upcoming visits; the rest rotate so that no client is in two places at once.
      const round = n / 5;
      const clientId =
        round % 4 === 0 ? clientIds[0] : clientIds[1 + ((round + worker.index) % (clientIds.length - 1))];
      if (!service || !clientId) continue;
      add({
        key: `appointment:${worker.slug}:${date}`,
        worker,
        date,
        hoursIn: 1 + (n % 3),
        service,
        clientId,
        status: "booked",
      });
    }
  }
  input.past.forEach((past, i) => {
    const worker = workers.find((w) => w.slug === past.worker);
    const service = worker?.services[0];
    const clientId = clientIds[(i + 1) % clientIds.length];
    if (!worker || !service || !clientId) return;
    const today = zonedDateOf(now, worker.timezone);
    for (let offset = -PAST_DAYS; offset <= -2; offset++) {
      const date = addDaysToDate(today, offset);
      if ((dayNumber(date) + i) % 7 !== 0) continue;
      // Sunday or a day off: the next day, so each listed appointment lands somewhere.
      const worked = [date, addDaysToDate(date, 1)].find((d) =>
        shifts.some((s) => s.workerId === worker.id && zonedDateOf(s.startAt, worker.timezone) === d),
      );
      if (worked)
        add({
          key: `past:${i}:${worker.slug}:${worked}`,
          worker,
          date: worked,
          hoursIn: 1 + (i % 3),
          service,
          clientId,
          status: past.status,
        });
    }
  });
  return planned;
}

/** A one-hour room booking at 11:00 local on some weekdays ahead: rooms are booked without a worker. */
export function planRoomBookings(
  room: { id: string; slug: string; timezone: string },
  service: Service,
  clientIds: string[],
  now: Date,
  createdBy: string | null,
): NewAppointment[] {
  const today = zonedDateOf(now, room.timezone);
  const planned: NewAppointment[] = [];
  for (let offset = 1; offset < FUTURE_DAYS; offset++) {
    const date = addDaysToDate(today, offset);
    const clientId = clientIds[1 + (dayNumber(date) % (clientIds.length - 1))];
    if (dayNumber(date) % 3 !== 0 || isoWeekdayOf(date) > 5 || !clientId) continue;
    const startAt = zonedDateTimeToInstant(date, "11:00", room.timezone);
    planned.push({
      id: demoId(`room:${room.slug}:${date}`),
      locationId: room.id,
      serviceId: service.id,
      clientId,
      startAt,
      endAt: new Date(startAt.getTime() + service.durationMinutes * 60_000),
      price: service.price,
      currency: service.currency,
      createdBy,
    });
  }
  return planned;
}

/** The instants covering every seeded day in `timeZone`, for reading the shifts back. */
export function seededWindow(now: Date, timeZone: string): { start: Date; end: Date } {
  const today = zonedDateOf(now, timeZone);
  return {
    start: zonedDayBounds(addDaysToDate(today, -PAST_DAYS - 1), timeZone).start,
    end: zonedDayBounds(addDaysToDate(today, FUTURE_DAYS), timeZone).end,
  };
}
