// "An account can be created afterwards from the same email" (issue 16): registering with a guest's
// address adopts nothing by itself; once the account verifies that address (lib/accounts
// verify-email.ts), the guest record of the address joins the account, in the verification's
// transaction: it becomes the account's client record, or, when the account already has one, its
// appointments move there. Either way they show in My appointments, and the address stops being a
// guest's (a later guest booking with it makes a new guest record).
import type { Executor } from "@/db/client";
import { findClientOfUser, moveClientAppointments, updateClientRow } from "@/db/queries/clients";
import { deleteGuestClient, findGuestClient } from "@/db/queries/manage-tokens";
import { lockUser } from "@/db/queries/users";

/** Links the guest record of `email` to the user who just verified it; answers whether one was found. */
export async function adoptGuestClient(tx: Executor, userId: string, email: string): Promise<boolean> {
  const address = email.trim().toLowerCase();
  const guest = await findGuestClient(tx, address);
  if (!guest) return false;
  // Held until the verification commits, as ensureClientOfUser holds it to make the user's record.
  await lockUser(tx, userId);
  const own = await findClientOfUser(tx, userId);
  if (!own) {
    await updateClientRow(tx, guest.id, { userId });
  } else {
    // Two records' overlapping appointments could not both be the account's (client overlap
    // constraint): then the guest's stay where they are, reachable through their manage links.
    await tx.transaction((sub) => moveClientAppointments(sub, guest.id, own.id)).catch(() => undefined);
  }
  await deleteGuestClient(tx, address);
  return true;
}
