// Guest bookings' rows (db/schema/guest-booking.ts): the one client record per guest email, and the
// hashed manage-link tokens of guest appointments. Plain values in, rows out; what a token opens and
// when a guest record joins an account are lib/booking/'s.
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { type Client, clients } from "../schema/appointments";
import { guestClients, manageTokens } from "../schema/guest-booking";

/** The guest client record of this (lower-case) email, if a guest booked with it before. */
export async function findGuestClient(db: Executor, email: string): Promise<Client | undefined> {
  const [row] = await db
    .select({ client: clients })
    .from(guestClients)
    .innerJoin(clients, eq(clients.id, guestClients.clientId))
    .where(eq(guestClients.email, email));
  return row?.client;
}

/**
 * Marks `clientId` as the guest record of `email`; false when another booking got there first (the
 * primary key on the email decides, also between concurrent transactions).
 */
export async function insertGuestClient(db: Executor, email: string, clientId: string): Promise<boolean> {
  const rows = await db
    .insert(guestClients)
    .values({ email, clientId })
    .onConflictDoNothing()
    .returning({ email: guestClients.email });
  return rows.length > 0;
}

export async function deleteGuestClient(db: Executor, email: string): Promise<void> {
  await db.delete(guestClients).where(eq(guestClients.email, email));
}

export async function insertManageToken(db: Executor, appointmentId: string, tokenHash: string): Promise<void> {
  await db.insert(manageTokens).values({ appointmentId, tokenHash }).onConflictDoNothing();
}

/** The appointment a token (by its hash) was issued for. */
export async function findManageToken(db: Executor, tokenHash: string): Promise<{ appointmentId: string } | undefined> {
  const [row] = await db
    .select({ appointmentId: manageTokens.appointmentId })
    .from(manageTokens)
    .where(eq(manageTokens.tokenHash, tokenHash));
  return row;
}
