// Notification rows (db/schema/notifications.ts): planned in the transaction of the change that
// causes them, claimed and finished by the send job, read by the appointment's notifications list
// and the outbox. Plain values in, rows out; what to send and when is lib/notifications/'s.
import { and, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { appointments, clients } from "../schema/appointments";
import { locations, workers } from "../schema/catalog";
import {
  type NewNotification,
  type Notification,
  type NotificationStatus,
  notifications,
} from "../schema/notifications";
import { users } from "../schema/users";

/** Inserts the planned messages; one whose dedupe key is already there is skipped. Answers those inserted. */
export async function insertNotifications(db: Executor, rows: NewNotification[]): Promise<Notification[]> {
  if (rows.length === 0) return [];
  return db.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.dedupeKey }).returning();
}

/** Marks the appointment's reminders that have not gone out yet as dropped; answers their ids. */
export async function dropPendingReminders(db: Executor, appointmentId: string): Promise<string[]> {
  const rows = await db
    .update(notifications)
    .set({ status: "dropped" })
    .where(
      and(
        eq(notifications.appointmentId, appointmentId),
        eq(notifications.kind, "reminder"),
        eq(notifications.status, "pending"),
      ),
    )
    .returning({ id: notifications.id });
  return rows.map((r) => r.id);
}

export async function findNotification(db: Executor, id: string): Promise<Notification | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

/**
 * Claims the message for one send: pending, or sending with a claim older than `leaseSeconds` (its
 * sender crashed before recording the outcome). Counts the attempt. Answers the row, or undefined
 * when it is not claimable (already sent, kept, failed, dropped, or being sent right now).
 */
export async function claimNotification(
  db: Executor,
  id: string,
  now: Date,
  leaseSeconds: number,
): Promise<Notification | undefined> {
  const lapsed = new Date(now.getTime() - leaseSeconds * 1000);
  const [row] = await db
    .update(notifications)
    .set({ status: "sending", claimedAt: now, attempts: sql`${notifications.attempts} + 1` })
    .where(
      and(
        eq(notifications.id, id),
        or(
          eq(notifications.status, "pending"),
          and(eq(notifications.status, "sending"), sql`${notifications.claimedAt} < ${lapsed.toISOString()}`),
        ),
      ),
    )
    .returning();
  return row;
}

/** Records the outcome of a claimed send. */
export async function finishNotification(
  db: Executor,
  id: string,
  outcome: { status: NotificationStatus; sentAt?: Date | null; lastError?: string | null; manageTokenSealed?: null },
): Promise<void> {
  await db
    .update(notifications)
    .set(outcome)
    .where(and(eq(notifications.id, id), eq(notifications.status, "sending")));
}

/**
 * Messages whose send job seems lost: claimed by a sender that died and never retried (`sending`
 * with a claim older than `leaseSeconds`), or due for longer than `graceSeconds` and not tried
 * within it (`pending`). Oldest due first.
 */
export async function stalledNotifications(
  db: Executor,
  now: Date,
  leaseSeconds: number,
  graceSeconds: number,
  limit: number,
): Promise<Pick<Notification, "id" | "status" | "attempts">[]> {
  const lapsed = new Date(now.getTime() - leaseSeconds * 1000).toISOString();
  const overdue = new Date(now.getTime() - graceSeconds * 1000).toISOString();
  return db
    .select({ id: notifications.id, status: notifications.status, attempts: notifications.attempts })
    .from(notifications)
    .where(
      or(
        and(eq(notifications.status, "sending"), sql`${notifications.claimedAt} < ${lapsed}`),
        and(
          eq(notifications.status, "pending"),
          sql`${notifications.sendAfter} < ${overdue}`,
          sql`(${notifications.claimedAt} is null or ${notifications.claimedAt} < ${overdue})`,
        ),
      ),
    )
    .orderBy(notifications.sendAfter)
    .limit(limit);
}

/** Marks a message whose sender died on its last try as failed (still `sending` since `claimedBefore`). */
export async function failLapsedNotification(
  db: Executor,
  id: string,
  claimedBefore: Date,
  lastError: string,
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ status: "failed", lastError })
    .where(
      and(
        eq(notifications.id, id),
        eq(notifications.status, "sending"),
        sql`${notifications.claimedAt} < ${claimedBefore.toISOString()}`,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** What a reminder is checked against when it is due: the appointment's status and start now. */
export async function appointmentState(
  db: Executor,
  appointmentId: string,
): Promise<{ status: string; startAt: Date } | undefined> {
  const [row] = await db
    .select({ status: appointments.status, startAt: appointments.startAt })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  return row;
}

/** The appointment's messages, oldest first (dropped reminders left out: they were never sent). */
export async function listAppointmentNotifications(db: Executor, appointmentId: string): Promise<Notification[]> {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.appointmentId, appointmentId), ne(notifications.status, "dropped")))
    .orderBy(notifications.createdAt, notifications.sendAfter, notifications.id);
}

/** One page of messages with these statuses, newest first. */
export async function listNotificationsByStatus(
  db: Executor,
  statuses: NotificationStatus[],
  page: { limit: number; offset: number },
): Promise<Notification[]> {
  return db
    .select()
    .from(notifications)
    .where(inArray(notifications.status, statuses))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit)
    .offset(page.offset);
}

export type NotificationContext = {
  /** The location's address. */
  address: string | null;
  /** The language the client's account chose, when the client has an account. */
  clientUserLocale: string | null;
  clientErased: boolean;
  /** The language the appointment's confirmation was written in, when there was one. */
  bookedLocale: string | null;
  /** The account linked to the appointment's worker, if any. */
  workerUser: { id: string; email: string; name: string; locale: string | null; blocked: boolean } | null;
};

/** What messages about an appointment say and whom they go to, beyond its JSON. */
export async function notificationContext(
  db: Executor,
  appointmentId: string,
): Promise<NotificationContext | undefined> {
  const workerUsers = alias(users, "worker_users");
  const [row] = await db
    .select({
      address: locations.address,
      clientUserLocale: users.locale,
      erasedAt: clients.erasedAt,
      bookedLocale: sql<
        string | null
      >`(select ${notifications.locale} from ${notifications} where ${notifications.appointmentId} = ${appointments.id} and ${notifications.kind} = 'confirmation' limit 1)`,
      workerUser: {
        id: workerUsers.id,
        email: workerUsers.email,
        name: workerUsers.name,
        locale: workerUsers.locale,
        blocked: workerUsers.blocked,
      },
    })
    .from(appointments)
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .innerJoin(clients, eq(clients.id, appointments.clientId))
    .leftJoin(users, eq(users.id, clients.userId))
    .leftJoin(workers, eq(workers.id, appointments.workerId))
    .leftJoin(workerUsers, eq(workerUsers.id, workers.userId))
    .where(eq(appointments.id, appointmentId));
  return (
    row && {
      address: row.address,
      clientUserLocale: row.clientUserLocale,
      clientErased: row.erasedAt !== null,
      bookedLocale: row.bookedLocale,
      workerUser: row.workerUser,
    }
  );
}

/** Remembers the language a user chose for the messages sent to them. */
export async function setUserLocale(db: Executor, userId: string, locale: string): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}
