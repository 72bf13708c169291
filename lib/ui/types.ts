// The JSON shapes of API.md "Resources" as the browser receives them (instants as RFC 3339 strings).

export type Ref = { id: string; slug: string; name: string };

export type Slot = { start: string; end: string };
export type SlotsAnswer = { timezone: string; slots: Slot[] };

export type LocationJson = Ref & {
  kind: "workplace" | "room";
  address: string | null;
  timezone: string;
  description: string | null;
};

export type AppointmentStatus = "booked" | "cancelled" | "completed" | "no_show";

export type AppointmentJson = {
  id: string;
  status: AppointmentStatus;
  start: string;
  end: string;
  worker: Ref | null;
  location: Ref;
  service: Ref | null;
  client: { id: string; name: string; phone: string | null; email: string | null };
  price: number;
  /** Not in API.md's list; the booking API adds it. Absent: the price is shown as a plain number. */
  currency?: string;
  notes: string | null;
  createdAt: string;
  cancelledAt: string | null;
};

export type LocationScheduleAnswer = { date: string; timezone: string; busy: Slot[] };
