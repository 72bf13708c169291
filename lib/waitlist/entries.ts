// POST /waitlist, GET /waitlist, DELETE /waitlist/{id}: a client joins the list for a worker (or any
// worker of a service) on one local day, optionally within a window; sees and leaves their entries;
// staff see and remove everyone's. Joining twice for the same service, worker-or-any and day while
// the first entry is active answers 409 already_exists with the entry's id in `details.id` (a
// partial unique index holds this under races too).
import { type Executor, getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { findZonedWorker, performsService } from "@/db/queries/availability";
import { readBusiness } from "@/db/queries/business";
import { findByRef } from "@/db/queries/catalog-shared";
import { findClientOfUser, lockClient } from "@/db/queries/clients";
import {
  ACTIVE_WAITLIST,
  findActiveDuplicate,
  findWaitlistRow,
  insertWaitlistEntry,
  listWaitlistRows,
  removeWaitlistEntry,
  type WaitlistRow,
} from "@/db/queries/waitlist";
import type { Client } from "@/db/schema/appointments";
import { services, workers } from "@/db/schema/catalog";
import { isLocale } from "@/i18n/config";
import { type Caller, isStaff } from "@/lib/auth/roles";
import { toBusinessJson } from "@/lib/contract/business";
import { toWaitlistEntryJson, type WaitlistEntryJson } from "@/lib/contract/waitlist";
import { alreadyWaiting, notAvailable, notFound, sqlState, validationFailed } from "@/lib/errors";
import { requestLocale } from "@/lib/notifications/locale";
import { ensureClientOfUser } from "@/lib/people/client-of-user";
import { addDaysToDate, zonedDateTimeToInstant, zonedDayBounds, zonedToday } from "@/lib/time/zoned";
import type { WaitlistCreate, WaitlistQuery } from "@/lib/validation/waitlist";

/** How far ahead an entry for any worker may be (a worker's own entries: their booking horizon). */
export const ANY_WORKER_HORIZON_DAYS = 366;

/** The window of `date` from `from` to `to` (local HH:MM; 24:00 or none: the day's end) as instants. */
export function waitlistWindow(date: string, from: string | undefined, to: string | undefined, timeZone: string) {
  const day = zonedDayBounds(date, timeZone);
  return {
    start: from ? zonedDateTimeToInstant(date, from, timeZone) : day.start,
    end: to && to !== "24:00" ? zonedDateTimeToInstant(date, to, timeZone) : day.end,
  };
}

/** Who joins: the signed-in caller (their own record, or staff naming one), or a guest (./guest.ts). */
export type Joiner = {
  actorId: string | null;
  /** The client record to put on the list, on the join's transaction (held until it commits). */
  client: (tx: Executor) => Promise<Client | undefined>;
  /** The client's id after a lost race (the partial unique index refused the second insert). */
  clientAfterRace: (db: Executor) => Promise<string | undefined>;
  /** More writes in the join's transaction (a guest's confirmation message). */
  afterJoin?: (
    tx: Executor,
    joined: { row: WaitlistRow; locale: string | undefined; businessName: string },
  ) => Promise<void>;
};

export async function joinWaitlist(caller: Caller, body: WaitlistCreate, now: Date): Promise<WaitlistEntryJson> {
  if (body.client) {
    throw validationFailed("client", "Signed in, you join as yourself; client is for joining without an account.");
  }
  if (body.clientId && !isStaff(caller.role)) {
    throw validationFailed("clientId", "Only staff put another client on the list.");
  }
  const clientId = body.clientId;
  return joinAs(
    {
      actorId: caller.id,
      client: (tx) => (clientId ? lockClient(tx, clientId, "share") : ensureClientOfUser(tx, caller.id)),
      clientAfterRace: async (db) => clientId ?? (await findClientOfUser(db, caller.id))?.id,
    },
    body,
    now,
  );
}

/** Puts the joiner's client on the list after the checks every join shares (API.md "Waitlist"). */
export async function joinAs(joiner: Joiner, body: WaitlistCreate, now: Date): Promise<WaitlistEntryJson> {
  const db = await getDb();
  const [service, worker, businessRow] = await Promise.all([
    findByRef(services, body.serviceId, db),
    body.workerId ? findZonedWorker(db, body.workerId) : undefined,
    readBusiness(db),
  ]);
  if (!service?.active) throw notFound("Service");
  if (body.workerId && !worker?.active) throw notFound("Worker");
  if (worker && !(await performsService(db, worker.id, service.id))) {
    throw validationFailed("serviceId", "This worker does not perform that service.");
  }
  const business = toBusinessJson(businessRow);
  const timeZone = worker?.homeTimeZone ?? business.defaultTimezone;
  const today = zonedToday(now, timeZone);
  const window = waitlistWindow(body.date, body.from, body.to, timeZone);
  if (body.date < today || window.end <= now) throw notAvailable("in_past");
  const horizon = worker?.bookingHorizonDays ?? ANY_WORKER_HORIZON_DAYS;
  if (body.date > addDaysToDate(today, horizon)) throw notAvailable("beyond_horizon");
  const locale = await requestLocale();
  try {
    return await db.transaction(async (tx) => {
      const client = await joiner.client(tx);
      if (!client || client.erasedAt) throw notFound("Client");
      const key = { clientId: client.id, serviceId: service.id, workerId: worker?.id ?? null, date: body.date };
      const existing = await findActiveDuplicate(tx, key);
      if (existing) throw alreadyWaiting(existing);
      const entry = await insertWaitlistEntry(tx, {
        ...key,
        fromTime: body.from ?? null,
        toTime: body.to && body.to !== "24:00" ? body.to : null,
        timeZone,
        windowStart: window.start,
        windowEnd: window.end,
        locale: isLocale(locale) ? locale : null,
        createdAt: now,
        createdBy: joiner.actorId,
      });
      const row = await findWaitlistRow(tx, entry.id);
      if (!row) throw new Error("waitlist entry vanished inside its own transaction");
      const json = toWaitlistEntryJson(row);
      await recordAudit(tx, {
        actorId: joiner.actorId,
        action: "waitlist.join",
        entity: "waitlist_entry",
        entityId: entry.id,
        after: json,
      });
      await joiner.afterJoin?.(tx, { row, locale, businessName: business.name });
      return json;
    });
  } catch (err) {
    // Two joins at once: the partial unique index let one through.
    if (sqlState(err) === "23505") {
      const clientId = await joiner.clientAfterRace(db);
      const existing =
        clientId &&
        (await findActiveDuplicate(db, {
          clientId,
          serviceId: service.id,
          workerId: worker?.id ?? null,
          date: body.date,
        }));
      if (existing) throw alreadyWaiting(existing);
    }
    throw err;
  }
}

/** A client's own entries; staff: everyone's. Unknown worker or service refs match nothing. */
export async function listWaitlist(caller: Caller, query: WaitlistQuery): Promise<WaitlistEntryJson[]> {
  const db = await getDb();
  const [client, worker, service] = await Promise.all([
    isStaff(caller.role) ? undefined : findClientOfUser(db, caller.id),
    query.workerId ? findByRef(workers, query.workerId, db) : undefined,
    query.serviceId ? findByRef(services, query.serviceId, db) : undefined,
  ]);
  if (!isStaff(caller.role) && !client) return [];
  if ((query.workerId && !worker) || (query.serviceId && !service)) return [];
  const rows = await listWaitlistRows(db, {
    clientId: client?.id,
    date: query.date,
    workerId: worker?.id,
    serviceId: service?.id,
    statuses: query.status ? [query.status] : ACTIVE_WAITLIST,
    limit: query.limit,
    offset: query.offset,
  });
  return rows.map(toWaitlistEntryJson);
}

/** Takes the entry off the list (the owner, or staff); an entry no longer active is left as it is. */
export async function leaveWaitlist(caller: Caller, id: string, now: Date): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await findWaitlistRow(tx, id);
    // Someone else's entry is as unknown to a client as a missing one (API.md: 404).
    if (!row || (!isStaff(caller.role) && row.client.userId !== caller.id)) throw notFound("Waitlist entry");
    if (!(await removeWaitlistEntry(tx, id, now))) return;
    await recordAudit(tx, {
      actorId: caller.id,
      action: "waitlist.leave",
      entity: "waitlist_entry",
      entityId: id,
      before: toWaitlistEntryJson(row),
    });
  });
}
