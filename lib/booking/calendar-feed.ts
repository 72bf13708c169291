// A worker's calendar feed (GET /workers/{ref}/calendar.ics) and the secret token in its URL (GET and
// POST /workers/{ref}/calendar-token). Staff read the feed signed in; calendar apps subscribe with
// the token, and a wrong token answers 404 exactly like an unknown worker.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { type AppointmentRow, listAppointments } from "@/db/queries/appointments";
import { recordAudit } from "@/db/queries/audit";
import { findZonedWorker } from "@/db/queries/availability";
import { setCalendarToken } from "@/db/queries/calendar-feed";
import type { Worker } from "@/db/schema/catalog";
import { type Caller, requireRole } from "@/lib/auth/roles";
import type { CalendarToken } from "@/lib/contract";
import { notFound } from "@/lib/errors";

const DAY = 86_400_000;
/** The feed reaches this far back; calendar apps keep what they already fetched. */
export const FEED_PAST_DAYS = 30;
const FEED_LIMIT = 5000;

// Digests of both sides have one length whatever the characters sent (timingSafeEqual throws on
// buffers of unequal byte length), and comparing them leaks nothing about the secret's length.
const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

async function workerOr404(ref: string): Promise<Worker> {
  const worker = await findZonedWorker(await getDb(), ref);
  if (!worker) throw notFound("Worker");
  return worker;
}

/**
 * The worker and the appointments their feed lists (from FEED_PAST_DAYS ago on, cancelled ones
 * too), for staff without a token (`caller` must be one) or for anyone holding the worker's token.
 */
export async function workerFeed(
  caller: Caller | null,
  ref: string,
  token: string | undefined,
  now: Date,
): Promise<{ worker: Worker; rows: AppointmentRow[] }> {
  if (token === undefined) requireRole(caller, "admin");
  const worker = await workerOr404(ref);
  if (token !== undefined && !sameSecret(token, worker.calendarToken)) throw notFound("Worker");
  const rows = await listAppointments(await getDb(), {
    workerId: worker.id,
    startFrom: new Date(now.getTime() - FEED_PAST_DAYS * DAY),
    limit: FEED_LIMIT,
    offset: 0,
  });
  return { worker, rows };
}

/** The feed's secret and its URL path, for staff to hand to the worker's calendar app. */
const feedAccess = (slug: string, token: string): CalendarToken => ({
  token,
  path: `/api/v1/workers/${slug}/calendar.ics?token=${encodeURIComponent(token)}`,
});

export async function calendarToken(ref: string) {
  const worker = await workerOr404(ref);
  return feedAccess(worker.slug, worker.calendarToken);
}

/** A new secret for the worker's feed URL, audited; the old URL stops working at once. */
export async function rotateCalendarToken(ref: string, actorId: string) {
  const worker = await workerOr404(ref);
  const token = randomBytes(24).toString("base64url");
  const db = await getDb();
  await db.transaction((tx) =>
    Promise.all([
      setCalendarToken(tx, worker.id, token),
      recordAudit(tx, {
        actorId,
        action: "worker.calendar_token_rotate",
        entity: "worker",
        entityId: worker.id,
      }),
    ]),
  );
  return feedAccess(worker.slug, token);
}
