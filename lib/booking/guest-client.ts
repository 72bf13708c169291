// The guest record a guest booking is for (./guest.ts): the shared guest record of the email
// (lib/people/guest-client.ts), from the booking's body.
import { validationFailed } from "@/lib/errors";
import type { GuestDetails } from "@/lib/people/guest-client";
import type { AppointmentCreate } from "@/lib/validation/appointments";

export { type GuestDetails, guestClientRecord } from "@/lib/people/guest-client";

/** The guest's details from the body: the email is required (the manage link goes there). */
export function guestDetails(body: AppointmentCreate): GuestDetails {
  const client = body.client;
  if (!client) throw validationFailed("client", "Give your name and email as client to book without an account.");
  const email = client.email?.trim().toLowerCase();
  if (!email) throw validationFailed("client.email", "Give an email: the link to manage the booking is sent there.");
  return { name: client.name, email, phone: client.phone ?? null };
}
