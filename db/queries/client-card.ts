// The desk's client card and its merge: a record's appointment figures, the messages sent about its
// appointments, the records that share its phone or email, and the clashes merging two would make.
// Rows and counts only; lib/people decides what they mean.
import { and, desc, eq, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { appointments, type Client, clients } from "../schema/appointments";
import { type Notification, notifications } from "../schema/notifications";
import { waitlistEntries } from "../schema/waitlist";

export type ClientFigures = {
  total: number;
  upcoming: number;
  past: number;
  completed: number;
  cancelled: number;
  noShow: number;
  spent: { currency: string; amount: string }[] | null;
};

/**
 * The record's appointments counted by PostgreSQL: all, upcoming (booked, not yet started), past
 * (started before now, whatever their status), by status, and the prices of the completed ones
 * summed per currency.
 */
export async function clientFigures(db: Executor, clientId: string): Promise<ClientFigures> {
  const [row] = await queryRows<ClientFigures>(
    db,
    sql`with picked as (
      select ${appointments.status} as status, ${appointments.startAt} as start_at,
        ${appointments.price} as price, ${appointments.currency} as currency
      from ${appointments} where ${appointments.clientId} = ${clientId}
    ), counts as (
      select count(*)::int as total,
        (count(*) filter (where status = 'booked' and start_at >= now()))::int as upcoming,
        (count(*) filter (where start_at < now()))::int as past,
        (count(*) filter (where status = 'completed'))::int as completed,
        (count(*) filter (where status = 'cancelled'))::int as cancelled,
        (count(*) filter (where status = 'no_show'))::int as no_show
      from picked
    ), spent as (
      select json_agg(json_build_object('currency', currency, 'amount', amount::text) order by currency) as items
      from (select currency, sum(price) as amount from picked where status = 'completed' group by currency) s
    )
    select counts.total, counts.upcoming, counts.past, counts.completed, counts.cancelled,
      counts.no_show as "noShow", spent.items as spent
    from counts, spent`,
  );
  if (!row) throw new Error("the client figures query returned no row");
  return row;
}

/** The messages about the record's appointments, newest first (dropped reminders were never sent). */
export async function clientNotifications(db: Executor, clientId: string, limit: number): Promise<Notification[]> {
  return db
    .select({ notification: notifications })
    .from(notifications)
    .innerJoin(appointments, eq(appointments.id, notifications.appointmentId))
    .where(and(eq(appointments.clientId, clientId), ne(notifications.status, "dropped")))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .then((rows) => rows.map((row) => row.notification));
}

/** The digits of a phone, spaces, dashes, brackets and "+" left out. */
const phoneDigits = sql`regexp_replace(coalesce(${clients.phone}, ''), '[^0-9]', '', 'g')`;

export type DuplicateProbe = { phoneDigits?: string; email?: string; excludeId?: string; limit: number };

/**
 * Records (not erased) whose phone has exactly these digits or whose email is this one in any case,
 * by name; `excludeId` left out (the record being edited).
 */
export async function findDuplicateClients(db: Executor, probe: DuplicateProbe): Promise<Client[]> {
  const matches: SQL[] = [];
  if (probe.phoneDigits) matches.push(sql`${phoneDigits} = ${probe.phoneDigits}`);
  if (probe.email) matches.push(sql`lower(${clients.email}) = lower(${probe.email})`);
  if (matches.length === 0) return [];
  return db
    .select()
    .from(clients)
    .where(and(isNull(clients.erasedAt), or(...matches), probe.excludeId ? ne(clients.id, probe.excludeId) : undefined))
    .orderBy(clients.name, clients.id)
    .limit(probe.limit);
}

/**
 * Pairs of booked appointments of the two records that overlap and would both be held to the
 * client's no-overlap constraint (drizzle/0010) once they belong to one record: merging is refused
 * while any remain.
 */
export async function overlappingAppointments(
  db: Executor,
  fromId: string,
  intoId: string,
): Promise<{ fromId: string; intoId: string }[]> {
  return queryRows(
    db,
    sql`select a.id as "fromId", b.id as "intoId"
    from ${appointments} a join ${appointments} b on a.during && b.during
    where a.client_id = ${fromId} and b.client_id = ${intoId}
      and a.status = 'booked' and b.status = 'booked'
      and not a.client_overlap_allowed and not b.client_overlap_allowed
    order by a.start_at, a.id
    limit 20`,
  );
}

/**
 * Moves every waitlist entry of record `fromId` to record `toId`; the ids of those moved. An active
 * entry the other record also holds (same service, worker or any, and day: one active entry each) is
 * marked removed first, so the move keeps the other record's and loses no history.
 */
export async function moveClientWaitlistEntries(db: Executor, fromId: string, toId: string): Promise<string[]> {
  await queryRows(
    db,
    sql`update ${waitlistEntries} f set status = 'removed', removed_at = now()
    where f.client_id = ${fromId} and f.status in ('waiting', 'notified')
      and exists (select 1 from ${waitlistEntries} k
        where k.client_id = ${toId} and k.status in ('waiting', 'notified') and k.service_id = f.service_id
          and k.worker_id is not distinct from f.worker_id and k.date = f.date)
    returning f.id`,
  );
  const rows = await db
    .update(waitlistEntries)
    .set({ clientId: toId })
    .where(eq(waitlistEntries.clientId, fromId))
    .returning({ id: waitlistEntries.id });
  return rows.map((row) => row.id);
}
