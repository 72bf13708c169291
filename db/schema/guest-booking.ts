import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { appointments, clients } from "./appointments";
import { createdAt, id } from "./columns";

/**
 * The client records guests booked under (POST /appointments without credentials), one per email
 * address (kept lower-case): a second guest booking with the same address finds the same record, so
 * the policy's limit of upcoming appointments counts per guest. A desk record or a registered user's
 * record is never one of these: a guest's email is not verified, so it never opens or joins them.
 * When an account verifies that address, its record takes the guest's appointments and the row goes.
 */
export const guestClients = pgTable("guest_clients", {
  email: text("email").primaryKey(),
  clientId: uuid("client_id")
    .notNull()
    .unique()
    .references(() => clients.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

/**
 * Manage-link tokens of guest appointments: only the SHA-256 of the token (hex) is kept; the token
 * itself exists only in the link emailed to the guest. Good for that one appointment while it is
 * booked and has not ended; deleted with the appointment.
 */
export const manageTokens = pgTable(
  "manage_tokens",
  {
    id: id(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index("manage_tokens_appointment_idx").on(t.appointmentId)],
);

export type GuestClient = typeof guestClients.$inferSelect;
export type ManageToken = typeof manageTokens.$inferSelect;
