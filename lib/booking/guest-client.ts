// The guest record a guest booking is for (./guest.ts): one per email address, never a desk record
// or a registered user's.
import { createClient, updateClientRow } from "@/db/queries/clients";
import { findGuestClient, insertGuestClient } from "@/db/queries/manage-tokens";
import type { Client } from "@/db/schema/appointments";
import { validationFailed } from "@/lib/errors";
import type { AppointmentCreate } from "@/lib/validation/appointments";
import type { Tx } from "./transaction";

export type GuestDetails = { name: string; email: string; phone: string | null };

/** The guest's details from the body: the email is required (the manage link goes there). */
export function guestDetails(body: AppointmentCreate): GuestDetails {
  const client = body.client;
  if (!client) throw validationFailed("client", "Give your name and email as client to book without an account.");
  const email = client.email?.trim().toLowerCase();
  if (!email) throw validationFailed("client.email", "Give an email: the link to manage the booking is sent there.");
  return { name: client.name, email, phone: client.phone ?? null };
}

/**
 * The guest record of the email, made on first use; the name and phone are the ones given now (they
 * are the guest's own, and the answer shows them back). Two first bookings with one address at once:
 * the email's primary key lets one record win, the other booking uses it.
 */
export async function guestClientRecord(tx: Tx, guest: GuestDetails): Promise<Client> {
  const found = await findGuestClient(tx, guest.email);
  if (found) {
    if (found.name === guest.name && found.phone === guest.phone) return found;
    return (await updateClientRow(tx, found.id, { name: guest.name, phone: guest.phone })) ?? found;
  }
  const created = await createClient(tx, { name: guest.name, email: guest.email, phone: guest.phone });
  if (await insertGuestClient(tx, guest.email, created.id)) return created;
  const winner = await findGuestClient(tx, guest.email);
  if (!winner) throw new Error("guest client vanished");
  return winner;
}
