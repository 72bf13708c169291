// A worker's calendar feed: the appointments it lists, and the secret token in its URL.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { workers } from "../schema/catalog";
import { type AppointmentRow, listAppointments } from "./appointments";
import { recordAudit } from "./audit";

const DAY = 86_400_000;
/** The feed reaches this far back; calendar apps keep what they already fetched. */
export const FEED_PAST_DAYS = 30;
const FEED_LIMIT = 5000;

export function workerFeedAppointments(db: Executor, workerId: string, now: Date): Promise<AppointmentRow[]> {
  return listAppointments(db, {
    workerId,
    startFrom: new Date(now.getTime() - FEED_PAST_DAYS * DAY),
    limit: FEED_LIMIT,
    offset: 0,
  });
}

/** A new secret for the worker's feed URL; the old URL stops working at once. */
export async function rotateCalendarToken(db: Executor, workerId: string, actorId: string): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.update(workers).set({ calendarToken: token }).where(eq(workers.id, workerId));
  await recordAudit(db, {
    actorId,
    action: "worker.calendar_token_rotate",
    entity: "worker",
    entityId: workerId,
  });
  return token;
}
