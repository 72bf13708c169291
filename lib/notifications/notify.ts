// An appointment's messages, in two steps. In the transaction of the change that causes them, the
// booking use cases (lib/booking/create.ts, change.ts, orphans.ts) call notifyAppointmentChange(tx,
// change) beside the change's audit row: it writes one `appointment-notify` job (one prepared
// statement, which goes out with the audit row: no round trip of its own), so a rolled-back change
// plans nothing and a committed one always does. That job (planAppointmentMessages, in a transaction
// of its own, soon after) reads the appointment, renders each message and stores it as a row (so
// the outbox shows exactly what would go out) with a `notification-send` job due at the message's
// time. Reminders planned earlier are dropped when the appointment moves or stops being booked (and
// the send job checks again when a reminder is due). The messages of a change therefore show a
// moment (the job's polling interval, about a second) after the change answers.
import { randomUUID } from "node:crypto";
import { type Executor, getDb } from "@/db/client";
import { type AppointmentRow, findAppointment } from "@/db/queries/appointments";
import { readBusiness } from "@/db/queries/business";
import {
  dropPendingReminders,
  insertNotifications,
  listAppointmentNotifications,
  notificationContext,
} from "@/db/queries/notifications";
import { insertQueuedJob } from "@/db/queries/queued-jobs";
import type { NewNotification } from "@/db/schema/notifications";
import { appointmentCalendar } from "@/lib/booking/ics";
import type { Appointment } from "@/lib/contract/appointment";
import { type Business, toBusinessJson } from "@/lib/contract/business";
import { enqueue, jobId } from "@/lib/jobs/enqueue";
import { type JobData, queues } from "@/lib/jobs/queues";
import { senderDomain } from "@/lib/mail/transport";
import { appointmentLink } from "./links";
import { messageLocale, requestLocale } from "./locale";
import { carriesManageLink, manageLinkTemplate } from "./manage-link";
import { type AppointmentState, type PlannedMessage, planChange } from "./plan";
import { renderAppointmentMessage } from "./templates";

/** The change to an appointment, as the use case that made it knows it. */
export type AppointmentChange = {
  appointmentId: string;
  /** The appointment as it was before the change; omitted (or null) when the change created it. */
  before?: AppointmentState | null;
  /** The appointment as the change left it. */
  after: AppointmentState;
  now: Date;
  /**
   * The manage-link token the change made (lib/booking/manage-token.ts issueManageToken), sealed: the
   * client's messages of this change carry the link. Without one they carry no manage link.
   */
  manageToken?: string | null;
};

export const SEND_QUEUE = "notification-send";
export const NOTIFY_QUEUE = "appointment-notify";

type StateData = JobData<typeof NOTIFY_QUEUE>["after"];
const toData = (s: AppointmentState): StateData => ({
  status: s.status,
  startAt: s.startAt.toISOString(),
  endAt: s.endAt.toISOString(),
  workerId: s.workerId,
  locationId: s.locationId,
});
const fromData = (s: StateData): AppointmentState => ({
  status: s.status,
  startAt: new Date(s.startAt),
  endAt: new Date(s.endAt),
  workerId: s.workerId,
  locationId: s.locationId,
});

/** An appointment's state from its API JSON (what change.ts has after the change). */
export const stateOfJson = (a: Appointment): AppointmentState => ({
  status: a.status,
  startAt: new Date(a.start),
  endAt: new Date(a.end),
  workerId: a.worker?.id ?? null,
  locationId: a.location.id,
});

const stateOf = (row: AppointmentRow): AppointmentState => ({
  status: row.appointment.status,
  startAt: row.appointment.startAt,
  endAt: row.appointment.endAt,
  workerId: row.appointment.workerId,
  locationId: row.appointment.locationId,
});

const sameState = (a: AppointmentState, b: AppointmentState) =>
  a.status === b.status &&
  a.startAt.getTime() === b.startAt.getTime() &&
  a.endAt.getTime() === b.endAt.getTime() &&
  a.workerId === b.workerId &&
  a.locationId === b.locationId;

/**
 * Enqueues the planning of the messages `change` causes, on `tx`, the change's own transaction: one
 * prepared insert, to be run beside the change's other writes (Promise.all) so it costs no round
 * trip of its own.
 */
export async function notifyAppointmentChange(tx: Executor, change: AppointmentChange): Promise<void> {
  const data = queues[NOTIFY_QUEUE].data.parse({
    appointmentId: change.appointmentId,
    before: change.before ? toData(change.before) : null,
    after: toData(change.after),
    at: change.now.toISOString(),
    locale: (await requestLocale()) ?? null,
    manageToken: change.manageToken ?? null,
  });
  const written = await insertQueuedJob(tx, { id: randomUUID(), name: NOTIFY_QUEUE, data });
  // pg-boss inserts a job only into a queue that exists (startJobs creates them all).
  if (!written) throw new Error(`jobs: the queue "${NOTIFY_QUEUE}" does not exist; startJobs() creates the queues`);
}

/**
 * The `appointment-notify` job: plans (renders, stores and enqueues) the messages of one change, in
 * a transaction of its own holding the appointment's row. Answers the ids of the messages planned.
 * Safe to run twice: each row's dedupe key names the appointment, the kind, the offset, the start and
 * the appointment's version (its updated_at), and a second run plans nothing.
 *
 * The appointment may have changed again since (the later change has a job of its own): then this
 * job still tells what its change told (a confirmation, a move, a cancellation, as the appointment
 * now is), but leaves the reminders to the later change's job.
 */
export async function planAppointmentMessages(data: JobData<typeof NOTIFY_QUEUE>): Promise<string[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await findAppointment(tx, data.appointmentId, true);
    if (!row) return [];
    const [context, businessRow] = await Promise.all([notificationContext(tx, data.appointmentId), readBusiness(tx)]);
    if (!context) return [];
    const now = new Date(data.at);
    const before = data.before ? fromData(data.before) : null;
    const current = stateOf(row);
    const superseded = !sameState(current, fromData(data.after));
    const business = toBusinessJson(businessRow);
    const plan = planChange({
      before,
      after: current,
      offsetsMinutes: business.policy.reminderOffsetsMinutes,
      now,
    });
    const messages = superseded ? plan.messages.filter((m) => m.kind !== "reminder") : plan.messages;
    const dropReminders = plan.dropReminders && !superseded;
    const rows =
      context.clientErased || messages.length === 0
        ? []
        : renderRows(messages, row, context, business, before, data.locale, data.manageToken ?? null);
    if (dropReminders) {
      // A second run of this job finds its own reminders there: they stay.
      const planned = new Set(rows.filter((r) => r.kind === "reminder").map((r) => r.dedupeKey));
      const existing = planned.size > 0 ? await listAppointmentNotifications(tx, data.appointmentId) : [];
      if (!existing.some((n) => planned.has(n.dedupeKey))) await dropPendingReminders(tx, data.appointmentId);
    }
    const inserted = await insertNotifications(tx, rows);
    await Promise.all(
      inserted.map((n) =>
        enqueue(
          tx,
          SEND_QUEUE,
          { notificationId: n.id },
          { id: jobId(`notification:${n.id}`), startAfter: n.sendAfter > now ? n.sendAfter : undefined },
        ),
      ),
    );
    return inserted.map((n) => n.id);
  });
}

function renderRows(
  messages: PlannedMessage[],
  row: AppointmentRow,
  context: NonNullable<Awaited<ReturnType<typeof notificationContext>>>,
  business: Business,
  before: AppointmentState | null,
  requestLocaleChoice: string | null,
  sealedManageToken: string | null,
): NewNotification[] {
  const clientLocale = messageLocale(context.clientUserLocale, context.bookedLocale, requestLocaleChoice);
  const version = row.appointment.updatedAt.getTime();
  const domain = senderDomain();
  const link = appointmentLink(row.appointment.id);
  const rows: NewNotification[] = [];
  for (const message of messages) {
    const recipient = recipientOf(message, row, context, clientLocale);
    if (!recipient) continue;
    const id = randomUUID();
    // The client's link to manage without signing in: a placeholder here, the token put in as the
    // message is sent (./manage-link.ts), so no stored row holds it.
    const manage = sealedManageToken && message.recipient === "client" && carriesManageLink(message.kind);
    const rendered = renderAppointmentMessage({
      kind: message.kind,
      locale: recipient.locale,
      businessName: business.name,
      recipientName: recipient.name,
      clientName: row.client.name,
      serviceName: row.service?.name ?? null,
      workerName: row.worker?.name ?? null,
      locationName: row.location.name,
      address: context.address,
      start: row.appointment.startAt,
      end: row.appointment.endAt,
      timeZone: row.timezone,
      previousStart:
        message.kind === "rescheduled" || message.kind === "worker_moved" ? (before?.startAt ?? null) : null,
      offsetMinutes: message.offsetMinutes,
      link,
      manageLink: manage ? manageLinkTemplate(row.appointment.id) : null,
    });
    rows.push({
      id,
      appointmentId: row.appointment.id,
      userId: recipient.userId,
      channel: "email",
      kind: message.kind,
      toAddress: recipient.address,
      locale: recipient.locale,
      ...rendered,
      ics:
        message.kind === "confirmation" || message.kind === "rescheduled"
          ? appointmentCalendar(row, {
              business,
              address: context.address,
              // The appointment's page for a registered client; a guest's calendar carries no link
              // (the manage link is in the message's text only).
              link: row.client.userId ? link : null,
            })
          : null,
      manageTokenSealed: manage ? sealedManageToken : null,
      messageId: `<${id}@${domain}>`,
      status: "pending",
      sendAfter: message.sendAfter,
      offsetMinutes: message.offsetMinutes,
      plannedStart: row.appointment.startAt,
      dedupeKey: [
        row.appointment.id,
        message.kind,
        message.offsetMinutes ?? "",
        row.appointment.startAt.toISOString(),
        version,
      ].join(":"),
    });
  }
  return rows;
}

type Recipient = { address: string; name: string; locale: "en" | "ru"; userId: string | null };

function recipientOf(
  message: PlannedMessage,
  row: AppointmentRow,
  context: NonNullable<Awaited<ReturnType<typeof notificationContext>>>,
  clientLocale: "en" | "ru",
): Recipient | null {
  if (message.recipient === "client") {
    const address = row.client.email?.trim();
    if (!address) return null;
    return { address, name: row.client.name, locale: clientLocale, userId: row.client.userId };
  }
  const user = context.workerUser;
  if (!user || user.blocked) return null;
  return { address: user.email, name: user.name, locale: messageLocale(user.locale, null, null), userId: user.id };
}
