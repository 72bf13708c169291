// Planning an appointment's messages inside the transaction of the change that causes them: the
// booking use cases (lib/booking/create.ts, change.ts) call planAppointmentNotifications(tx, change)
// after writing the appointment. Each message is rendered now and stored as a row (so the outbox
// shows exactly what would go out), and a `notification-send` job is enqueued for it on the same
// transaction, due at the message's time: a rolled-back change sends nothing, a committed one always
// does. Reminders planned earlier are dropped when the appointment moves or stops being booked (and
// the send job checks again when a reminder is due).
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { type AppointmentRow, findAppointment } from "@/db/queries/appointments";
import { readBusiness } from "@/db/queries/business";
import { dropPendingReminders, insertNotifications, notificationContext } from "@/db/queries/notifications";
import type { NewNotification } from "@/db/schema/notifications";
import { appointmentCalendar } from "@/lib/booking/ics";
import { toBusinessJson } from "@/lib/contract/business";
import { enqueue, jobId } from "@/lib/jobs/enqueue";
import { senderDomain } from "@/lib/mail/transport";
import { appointmentLink } from "./links";
import { messageLocale, requestLocale } from "./locale";
import { type AppointmentState, type PlannedMessage, planChange } from "./plan";
import { renderAppointmentMessage } from "./templates";

/** The change to an appointment, as the use case that made it knows it. */
export type AppointmentChange = {
  appointmentId: string;
  /** The appointment as it was before the change; omitted (or null) when the change created it. */
  before?: AppointmentState | null;
  now: Date;
};

export const SEND_QUEUE = "notification-send";

const stateOf = (row: AppointmentRow): AppointmentState => ({
  status: row.appointment.status,
  startAt: row.appointment.startAt,
  endAt: row.appointment.endAt,
  workerId: row.appointment.workerId,
  locationId: row.appointment.locationId,
});

/**
 * Plans (renders, stores and enqueues) the messages the change causes, on `tx`, the change's own
 * transaction. Answers the ids of the messages planned. Planning the same change twice plans nothing
 * the second time (each row's dedupe key names the appointment, the kind, the offset, the start and
 * the appointment's version).
 */
export async function planAppointmentNotifications(tx: Executor, change: AppointmentChange): Promise<string[]> {
  const [row, context, businessRow] = await Promise.all([
    findAppointment(tx, change.appointmentId),
    notificationContext(tx, change.appointmentId),
    readBusiness(tx),
  ]);
  if (!row || !context) throw new Error(`notifications: appointment ${change.appointmentId} not found`);
  const business = toBusinessJson(businessRow);
  const after = stateOf(row);
  const plan = planChange({
    before: change.before ?? null,
    after,
    offsetsMinutes: business.policy.reminderOffsetsMinutes,
    now: change.now,
  });
  if (plan.dropReminders) await dropPendingReminders(tx, change.appointmentId);
  if (plan.messages.length === 0 || context.clientErased) return [];

  const clientLocale = messageLocale(context.clientUserLocale, context.bookedLocale, await requestLocale());
  const version = row.appointment.updatedAt.getTime();
  const domain = senderDomain();
  const link = appointmentLink(row.appointment.id);
  const rows: NewNotification[] = [];
  for (const message of plan.messages) {
    const recipient = recipientOf(message, row, context, clientLocale);
    if (!recipient) continue;
    const id = randomUUID();
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
        message.kind === "rescheduled" || message.kind === "worker_moved" ? (change.before?.startAt ?? null) : null,
      offsetMinutes: message.offsetMinutes,
      link,
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
      ics: message.kind === "confirmation" || message.kind === "rescheduled" ? appointmentCalendar(row) : null,
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
  const inserted = await insertNotifications(tx, rows);
  await Promise.all(
    inserted.map((n) =>
      enqueue(
        tx,
        SEND_QUEUE,
        { notificationId: n.id },
        { id: jobId(`notification:${n.id}`), startAfter: n.sendAfter > change.now ? n.sendAfter : undefined },
      ),
    ),
  );
  return inserted.map((n) => n.id);
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
