// What the desk's client card (app/(client-card)/admin/clients/[id]) shows beyond the record: its
// figures, counted by PostgreSQL, and the messages sent about its appointments; and the records a new
// one would duplicate (GET /clients/duplicates).
import { getDb } from "@/db/client";
import { clientFigures, clientNotifications, findDuplicateClients } from "@/db/queries/client-card";
import type { Client } from "@/db/schema";
import { type NotificationJson, toNotificationJson } from "@/lib/contract/notification";
import type { ClientDuplicatesQuery } from "@/lib/validation/clients";

export type ClientCardFigures = {
  total: number;
  upcoming: number;
  past: number;
  completed: number;
  cancelled: number;
  noShow: number;
  /** The prices of the completed appointments per currency, in major units, by currency code. */
  spent: { currency: string; amount: number }[];
};

export async function clientCardFigures(clientId: string): Promise<ClientCardFigures> {
  const row = await clientFigures(await getDb(), clientId);
  return { ...row, spent: (row.spent ?? []).map((s) => ({ currency: s.currency, amount: Number(s.amount) })) };
}

export type ClientMessage = NotificationJson & { appointmentId: string | null; subject: string; createdAt: string };

/** The latest messages about the client's appointments, newest first. */
export async function clientCardMessages(clientId: string, limit = 50): Promise<ClientMessage[]> {
  const rows = await clientNotifications(await getDb(), clientId, limit);
  return rows.map((row) => ({
    ...toNotificationJson(row),
    appointmentId: row.appointmentId,
    subject: row.subject,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Fewer digits than this match too many phones by chance to warn about. */
const MIN_PHONE_DIGITS = 5;

/** The records (at most 10) with the phone's digits or the email of the query, the excluded one left out. */
export async function duplicateClients(query: ClientDuplicatesQuery): Promise<Client[]> {
  const digits = query.phone?.replace(/\D/g, "") ?? "";
  return findDuplicateClients(await getDb(), {
    phoneDigits: digits.length >= MIN_PHONE_DIGITS ? digits : undefined,
    email: query.email || undefined,
    excludeId: query.excludeId,
    limit: 10,
  });
}
