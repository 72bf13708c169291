// What a worker does with each queue's jobs (queues.ts lists the queues). Handlers run at least once
// per job (a crash after the work but before the job is marked done runs it again), so each must be
// safe to run twice.
import { getDb } from "@/db/client";
import { sendPasswordResetLink } from "@/lib/accounts/password-reset";
import { purgeIdempotencyKeys } from "@/lib/booking/idempotency";
import { planAppointmentMessages } from "@/lib/notifications/notify";
import { sendNotification } from "@/lib/notifications/send";
import { sweepNotifications } from "@/lib/notifications/sweep";
import { rollWeeklySchedules } from "@/lib/schedule/roll-weekly-schedules";
import { notifyWaitlist } from "@/lib/waitlist/free-up";
import { deliverWebhookTry } from "@/lib/webhooks/deliver";
import { purgeWebhookTries } from "@/lib/webhooks/purge";
import type { HandlersFor, Queues } from "./queues";

export const handlers: HandlersFor<Queues> = {
  "schedules-roll": async () => {
    const reports = await rollWeeklySchedules(await getDb());
    return { schedules: reports.length, shiftsCreated: reports.reduce((sum, r) => sum + r.created, 0) };
  },
  "idempotency-purge": async () => ({ purged: await purgeIdempotencyKeys(await getDb(), new Date()) }),
  "webhook-tries-purge": async () => ({ purged: await purgeWebhookTries(await getDb(), new Date()) }),
  "appointment-notify": async (data) => ({ planned: (await planAppointmentMessages(data)).length }),
  "notification-send": async ({ notificationId }, job) => ({ outcome: await sendNotification(notificationId, job) }),
  "notification-sweep": async () => sweepNotifications(),
  "webhook-deliver": async ({ deliveryId }) => deliverWebhookTry(deliveryId),
  "account-password-reset": async (data, job) => sendPasswordResetLink(data, job),
  "waitlist-free-up": async (data) => ({ planned: (await notifyWaitlist(data)).length }),
};
