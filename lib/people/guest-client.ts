// The guest record of an email address (db/schema/guest-booking.ts): the client record people with no
// account book (lib/booking/guest.ts) and wait (lib/waitlist/guest.ts) under. One per address, never a
// desk record or a registered user's (an unverified address must not open someone's history).
import type { Executor } from "@/db/client";
import { createClient, updateClientRow } from "@/db/queries/clients";
import { findGuestClient, insertGuestClient } from "@/db/queries/manage-tokens";
import type { Client } from "@/db/schema/appointments";

/** A guest as the body names them: the email trimmed and lower-case. */
export type GuestDetails = { name: string; email: string; phone: string | null };

/**
 * The guest record of the email, made on first use; the name and phone are the ones given now (they
 * are the guest's own, and the answer shows them back). Two first uses of one address at once: the
 * email's primary key lets one record win, the other uses it.
 */
export async function guestClientRecord(tx: Executor, guest: GuestDetails): Promise<Client> {
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
