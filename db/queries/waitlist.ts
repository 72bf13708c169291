// Waitlist entries: insert, read (one, a page, the candidates for a freed interval), and the status
// changes (removed, notified, booked). Plain functions of ids and values.
import { and, asc, eq, exists, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { clients } from "../schema/appointments";
import { services, workerServices, workers } from "../schema/catalog";
import { users } from "../schema/users";
import {
  type NewWaitlistEntry,
  type WaitlistEntry,
  type WaitlistStatus,
  waitlistEntries,
  waitlistLeaveTokens,
} from "../schema/waitlist";
import { statement } from "../statements";

/** The statuses of an entry still on the list. */
export const ACTIVE_WAITLIST: WaitlistStatus[] = ["waiting", "notified"];
const isActive = sql`${waitlistEntries.status} in ('waiting', 'notified')`;

export type WaitlistRow = {
  entry: WaitlistEntry;
  client: { id: string; name: string; phone: string | null; email: string | null; userId: string | null };
  worker: { id: string; slug: string; name: string } | null;
  service: { id: string; slug: string; name: string };
};

const rowColumns = {
  entry: waitlistEntries,
  client: {
    id: clients.id,
    name: clients.name,
    phone: clients.phone,
    email: clients.email,
    userId: clients.userId,
  },
  worker: { id: workers.id, slug: workers.slug, name: workers.name },
  service: { id: services.id, slug: services.slug, name: services.name },
};

const selectRows = (db: Executor) =>
  db
    .select(rowColumns)
    .from(waitlistEntries)
    .innerJoin(clients, eq(clients.id, waitlistEntries.clientId))
    .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
    .leftJoin(workers, eq(workers.id, waitlistEntries.workerId));

export async function insertWaitlistEntry(db: Executor, row: NewWaitlistEntry): Promise<WaitlistEntry> {
  const [inserted] = await db.insert(waitlistEntries).values(row).returning();
  if (!inserted) throw new Error("waitlist insert returned no row");
  return inserted;
}

/** The client's active entry for the same service, worker (or any) and day, if there is one. */
export async function findActiveDuplicate(
  db: Executor,
  key: { clientId: string; serviceId: string; workerId: string | null; date: string },
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: waitlistEntries.id })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.clientId, key.clientId),
        eq(waitlistEntries.serviceId, key.serviceId),
        key.workerId ? eq(waitlistEntries.workerId, key.workerId) : isNull(waitlistEntries.workerId),
        eq(waitlistEntries.date, key.date),
        isActive,
      ),
    )
    .limit(1);
  return row?.id;
}

export async function findWaitlistRow(db: Executor, id: string): Promise<WaitlistRow | undefined> {
  const [row] = await selectRows(db)
    .where(and(eq(waitlistEntries.id, id), isNull(clients.erasedAt)))
    .limit(1);
  return row;
}

export type WaitlistFilter = {
  clientId?: string;
  date?: string;
  workerId?: string;
  serviceId?: string;
  statuses: WaitlistStatus[];
  limit: number;
  offset: number;
};

/** A page of entries, oldest first (the order they are served in), of clients not erased. */
export async function listWaitlistRows(db: Executor, filter: WaitlistFilter): Promise<WaitlistRow[]> {
  const conditions: (SQL | undefined)[] = [
    isNull(clients.erasedAt),
    inArray(waitlistEntries.status, filter.statuses),
    filter.clientId ? eq(waitlistEntries.clientId, filter.clientId) : undefined,
    filter.date ? eq(waitlistEntries.date, filter.date) : undefined,
    filter.workerId ? eq(waitlistEntries.workerId, filter.workerId) : undefined,
    filter.serviceId ? eq(waitlistEntries.serviceId, filter.serviceId) : undefined,
  ];
  return selectRows(db)
    .where(and(...conditions))
    .orderBy(asc(waitlistEntries.date), asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
    .limit(filter.limit)
    .offset(filter.offset);
}

/** Takes an active entry off the list; answers whether it was active. */
export async function removeWaitlistEntry(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(waitlistEntries)
    .set({ status: "removed", removedAt: now })
    .where(and(eq(waitlistEntries.id, id), isActive))
    .returning({ id: waitlistEntries.id });
  return rows.length > 0;
}

export type WaitlistCandidate = WaitlistRow & { userLocale: string | null };

/**
 * The active entries a freed interval of `workerId` may serve, in order of joining: the worker's
 * own, and those for any worker of a service the worker performs, whose window overlaps the interval.
 */
export async function waitlistCandidates(
  db: Executor,
  freed: { workerId: string; start: Date; end: Date },
): Promise<WaitlistCandidate[]> {
  const performs = db
    .select({ one: sql`1` })
    .from(workerServices)
    .where(and(eq(workerServices.workerId, freed.workerId), eq(workerServices.serviceId, waitlistEntries.serviceId)));
  const rows = await db
    .select({ ...rowColumns, userLocale: users.locale })
    .from(waitlistEntries)
    .innerJoin(clients, eq(clients.id, waitlistEntries.clientId))
    .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
    .leftJoin(workers, eq(workers.id, waitlistEntries.workerId))
    .leftJoin(users, eq(users.id, clients.userId))
    .where(
      and(
        isActive,
        isNull(clients.erasedAt),
        lt(waitlistEntries.windowStart, freed.end),
        gt(waitlistEntries.windowEnd, freed.start),
        or(eq(waitlistEntries.workerId, freed.workerId), and(isNull(waitlistEntries.workerId), exists(performs))),
      ),
    )
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id));
  return rows;
}

export async function markWaitlistNotified(db: Executor, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(waitlistEntries)
    .set({ status: "notified", notifiedAt: now })
    .where(and(inArray(waitlistEntries.id, ids), isActive));
}

// In the booking's transaction, beside its insert (db/statements.ts: one round trip for both).
const markBooked = statement("waitlist_mark_booked", (db) =>
  db
    .update(waitlistEntries)
    .set({
      status: "booked",
      bookedAt: sql`${sql.placeholder("now")}::text::timestamptz`,
      bookedAppointmentId: sql`${sql.placeholder("appointmentId")}::text::uuid`,
    })
    .where(
      and(
        eq(waitlistEntries.clientId, sql.placeholder("clientId")),
        eq(waitlistEntries.serviceId, sql.placeholder("serviceId")),
        or(isNull(waitlistEntries.workerId), eq(waitlistEntries.workerId, sql.placeholder("workerId"))),
        sql`${waitlistEntries.windowStart} < ${sql.placeholder("end")}::text::timestamptz`,
        sql`${waitlistEntries.windowEnd} > ${sql.placeholder("start")}::text::timestamptz`,
        isActive,
      ),
    ),
);

/** Marks the client's active entries a new appointment (worker, service, interval) fits as booked. */
export async function markWaitlistBooked(
  db: Executor,
  booking: { appointmentId: string; clientId: string; workerId: string; serviceId: string; start: Date; end: Date },
  now: Date,
): Promise<void> {
  await markBooked(db, {
    appointmentId: booking.appointmentId,
    clientId: booking.clientId,
    workerId: booking.workerId,
    serviceId: booking.serviceId,
    start: booking.start.toISOString(),
    end: booking.end.toISOString(),
    now: now.toISOString(),
  });
}

/** Records a leave-link token of an entry by its hash (the token itself is never stored). */
export async function insertLeaveTokens(db: Executor, rows: { entryId: string; tokenHash: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(waitlistLeaveTokens).values(rows).onConflictDoNothing();
}

/** The entry a leave-link token (by its hash) was issued for. */
export async function findLeaveToken(db: Executor, tokenHash: string): Promise<{ entryId: string } | undefined> {
  const [row] = await db
    .select({ entryId: waitlistLeaveTokens.entryId })
    .from(waitlistLeaveTokens)
    .where(eq(waitlistLeaveTokens.tokenHash, tokenHash));
  return row;
}
