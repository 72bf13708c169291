// Guest booking (API.md "Anonymous booking"): POST /appointments with no credentials and
// `client: { name, email, phone? }`. The guest is a client for every rule (notice, grid, horizon,
// upcoming limit, overlap), booked under the guest record of that email (db/schema/guest-booking.ts):
// found again by a later guest booking with the same address, never a desk record or a registered
// user's (an unverified address must not open someone's history). Budgets per IP and per email
// (./guest-limits.ts); the manage-link token is recorded in the booking's transaction (./create.ts).
import type { AppointmentCreate } from "@/lib/validation/appointments";
import { createAppointment } from "./create";
import { type GuestDetails, guestDetails } from "./guest-client";
import { spendGuestBooking } from "./guest-limits";
import type { GuestCaller } from "./permissions";

/** The caller a guest books as: a client without a user. */
export function guestCaller(guest: GuestDetails): GuestCaller {
  return { id: "", email: guest.email, name: guest.name, role: "client", guest: {} };
}

/** Books as a guest (201 Appointment), within the IP's and the email's budgets (429 rate_limited). */
export async function createGuestAppointment(body: AppointmentCreate, p: { ip: string; now: Date }) {
  const guest = guestDetails(body);
  await spendGuestBooking(p.ip, guest.email);
  return createAppointment(guestCaller(guest), { ...body, client: { ...body.client, ...guest } }, { now: p.now });
}
