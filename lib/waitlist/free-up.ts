// When a booked appointment of a worker is cancelled or moved away, the waiting clients it may serve
// hear of it, in two steps, like an appointment's own messages (lib/notifications/notify.ts):
// - in the change's transaction, lib/booking/change.ts calls enqueueWaitlistFreeUp beside its audit
//   row: one prepared job insert (no round trip of its own), only when the change freed time;
// - the `waitlist-free-up` job (notifyWaitlist) finds the active entries whose window overlaps the
//   freed interval, keeps those whose service the worker can still be booked for there (the slot
//   lists of lib/availability, held to the minimum notice as a client is), and plans one message
//   each, in order of joining, each due WAITLIST_SPACING_MS after the one before: the first to join
//   hears first. Nobody is held the time; the first to book gets it (and the booking marks the
//   entry booked, db/queries/waitlist.ts markWaitlistBooked).
// A message's dedupe key names the entry and the freed interval: a job that runs twice, or two
// changes freeing the same interval, email an entry once about it.
import { randomUUID } from "node:crypto";
import { type Executor, getDb } from "@/db/client";
import { findZonedWorker } from "@/db/queries/availability";
import { readBusiness } from "@/db/queries/business";
import { insertNotifications } from "@/db/queries/notifications";
import { insertQueuedJob } from "@/db/queries/queued-jobs";
import { markWaitlistNotified, type WaitlistCandidate, waitlistCandidates } from "@/db/queries/waitlist";
import type { NewNotification } from "@/db/schema/notifications";
import { slotsOffered } from "@/lib/availability/notice";
import { workerSlots } from "@/lib/availability/worker-slots";
import { toBusinessJson } from "@/lib/contract/business";
import { AppError } from "@/lib/errors";
import { enqueue, jobId } from "@/lib/jobs/enqueue";
import { type JobData, queues } from "@/lib/jobs/queues";
import { senderDomain } from "@/lib/mail/transport";
import { appBaseUrl } from "@/lib/notifications/links";
import { messageLocale } from "@/lib/notifications/locale";
import { leaveLinkTemplate } from "@/lib/notifications/manage-link";
import { SEND_QUEUE } from "@/lib/notifications/notify";
import { zonedDateOf } from "@/lib/time/zoned";
import { type MintedLeaveToken, mintLeaveToken, recordLeaveTokens } from "./leave-token";
import { renderWaitlistMessage } from "./messages";

export const FREE_UP_QUEUE = "waitlist-free-up";
/** Between the messages of one freed interval, in order of joining. */
export const WAITLIST_SPACING_MS = 1000;

/** An appointment's state before and after a change, as change.ts knows it. */
type State = { status: string; startAt: Date; endAt: Date; workerId: string | null };

/** The worker's interval the change let go of, if it let go of one that has not ended. */
export function freedInterval(
  before: State,
  after: State,
  now: Date,
): { workerId: string; start: Date; end: Date } | null {
  if (before.status !== "booked" || !before.workerId || before.endAt <= now) return null;
  const kept =
    after.status === "booked" &&
    after.workerId === before.workerId &&
    after.startAt.getTime() === before.startAt.getTime() &&
    after.endAt.getTime() === before.endAt.getTime();
  return kept ? null : { workerId: before.workerId, start: before.startAt, end: before.endAt };
}

/**
 * On `tx`, the change's transaction: enqueues the waitlist's look at the interval the change freed,
 * if it freed one. One prepared insert, to be run beside the change's other writes.
 */
export async function enqueueWaitlistFreeUp(
  tx: Executor,
  change: { appointmentId: string; before: State; after: State; now: Date },
): Promise<void> {
  const freed = freedInterval(change.before, change.after, change.now);
  if (!freed) return;
  const data = queues[FREE_UP_QUEUE].data.parse({
    appointmentId: change.appointmentId,
    workerId: freed.workerId,
    start: freed.start.toISOString(),
    end: freed.end.toISOString(),
  });
  const written = await insertQueuedJob(tx, { id: randomUUID(), name: FREE_UP_QUEUE, data });
  if (!written) throw new Error(`jobs: the queue "${FREE_UP_QUEUE}" does not exist; startJobs() creates the queues`);
}

type Fit = { entry: WaitlistCandidate; timeZone: string };

/** The candidates a bookable slot overlapping the freed interval and inside their window serves. */
async function fittingEntries(
  candidates: WaitlistCandidate[],
  freed: { workerId: string; start: Date; end: Date },
  now: Date,
): Promise<Fit[]> {
  const lists = new Map<string, Promise<{ timezone: string; slots: { start: string; end: string }[] } | null>>();
  const slotsFor = (serviceId: string, timeZone: string) => {
    let list = lists.get(serviceId);
    if (!list) {
      const from = zonedDateOf(freed.start, timeZone);
      const to = zonedDateOf(new Date(freed.end.getTime() - 1), timeZone);
      list = workerSlots(freed.workerId, { service: serviceId, from, to }, now)
        .then((l) => slotsOffered(l, null, now))
        .catch((err) => {
          // The service or the worker went away, or the worker no longer performs it: nothing to offer.
          if (err instanceof AppError) return null;
          throw err;
        });
      lists.set(serviceId, list);
    }
    return list;
  };
  const fits: Fit[] = [];
  for (const entry of candidates) {
    const list = await slotsFor(entry.entry.serviceId, entry.entry.timeZone);
    if (!list) continue;
    const { windowStart, windowEnd } = entry.entry;
    const fitting = list.slots.some((s) => {
      const start = Date.parse(s.start);
      const end = Date.parse(s.end);
      return (
        start < freed.end.getTime() &&
        end > freed.start.getTime() &&
        start >= windowStart.getTime() &&
        end <= windowEnd.getTime()
      );
    });
    if (fitting) fits.push({ entry, timeZone: list.timezone });
  }
  return fits;
}

/**
 * The `waitlist-free-up` job: plans the messages of one freed interval, in a transaction of its own.
 * Answers the ids of the messages planned (none on a second run).
 */
export async function notifyWaitlist(data: JobData<typeof FREE_UP_QUEUE>, now = new Date()): Promise<string[]> {
  const db = await getDb();
  const freed = { workerId: data.workerId, start: new Date(data.start), end: new Date(data.end) };
  if (freed.end <= now) return [];
  const [candidates, worker, businessRow] = await Promise.all([
    waitlistCandidates(db, freed),
    findZonedWorker(db, freed.workerId),
    readBusiness(db),
  ]);
  if (candidates.length === 0 || !worker?.active) return [];
  const fits = await fittingEntries(candidates, freed, now);
  if (fits.length === 0) return [];
  const businessName = toBusinessJson(businessRow).name;
  const domain = senderDomain();
  const rows: NewNotification[] = [];
  const leaveTokens = new Map<string, MintedLeaveToken>();
  for (const { entry, timeZone } of fits) {
    const address = entry.client.email?.trim();
    if (!address) continue;
    const locale = messageLocale(entry.userLocale, entry.entry.locale);
    const link = new URL(`/workers/${encodeURIComponent(worker.slug)}`, appBaseUrl());
    link.searchParams.set("service", entry.service.slug);
    link.searchParams.set("date", zonedDateOf(freed.start, timeZone));
    const id = randomUUID();
    // A client with no account (a guest) cannot sign in to leave: the message carries a leave link.
    const leave = entry.client.userId ? null : mintLeaveToken(entry.entry.id);
    if (leave) leaveTokens.set(id, leave);
    rows.push({
      id,
      appointmentId: null,
      waitlistEntryId: entry.entry.id,
      userId: entry.client.userId,
      channel: "email",
      kind: "waitlist_slot_free",
      toAddress: address,
      locale,
      ...renderWaitlistMessage({
        locale,
        businessName,
        recipientName: entry.client.name,
        serviceName: entry.service.name,
        workerName: worker.name,
        start: freed.start,
        timeZone,
        link: link.toString(),
        leaveLink: leave ? leaveLinkTemplate(entry.entry.id) : null,
      }),
      manageTokenSealed: leave?.sealed ?? null,
      messageId: `<${id}@${domain}>`,
      status: "pending",
      sendAfter: new Date(now.getTime() + rows.length * WAITLIST_SPACING_MS),
      dedupeKey: `waitlist:${entry.entry.id}:${freed.start.toISOString()}:${freed.end.toISOString()}`,
    });
  }
  return db.transaction(async (tx) => {
    const inserted = await insertNotifications(tx, rows);
    // Only the messages planned now (not a second run's) need their leave tokens.
    await recordLeaveTokens(
      tx,
      inserted.flatMap((n) => leaveTokens.get(n.id) ?? []),
    );
    await Promise.all([
      markWaitlistNotified(
        tx,
        inserted.map((n) => n.waitlistEntryId as string),
        now,
      ),
      ...inserted.map((n) =>
        enqueue(
          tx,
          SEND_QUEUE,
          { notificationId: n.id },
          { id: jobId(`notification:${n.id}`), startAfter: n.sendAfter > now ? n.sendAfter : undefined },
        ),
      ),
    ]);
    return inserted.map((n) => n.id);
  });
}
