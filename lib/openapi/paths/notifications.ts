// Email notifications (API.md v1 extensions "Notifications"): an appointment's messages and the outbox.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { itemsOf, notificationSchema, outboxMessageSchema } from "@/lib/contract";
import { idParamsSchema, pageQuerySchema } from "@/lib/validation/common";
import { describeEndpoint } from "../operation";

export function registerNotifications(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "get",
    path: "/appointments/{id}/notifications",
    tag: "Notifications",
    summary: "The messages about an appointment",
    description:
      "Oldest first: the confirmation (with the appointment's .ics attached), reschedule and cancellation messages, " +
      "the reminders at each of the business's `reminderOffsetsMinutes` before the start (none for a moment already " +
      "past when booked; a reminder dropped because the appointment moved or ended is not listed), and the worker's " +
      "linked user's messages. A change's messages are planned by a background job a moment (about a second, " +
      "longer while the queue is busy) after the change answers: right after a booking or a change the list may " +
      "not show them yet. Each is sent by a background job, retried with backoff (five tries over about 15 " +
      "minutes), and after the last try stays `failed` with its `error`. With no SMTP_URL set a message is kept in " +
      "the outbox instead (GET /outbox): it counts as `sent`, with `outbox: true` and `sentAt` null. The owner " +
      "client, the user linked to the appointment's worker, and staff may read them; anyone else's id answers 404, " +
      "exactly like a missing one.",
    access: "client",
    params: idParamsSchema,
    ok: { status: 200, description: "The appointment's messages.", schema: itemsOf(notificationSchema) },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/outbox",
    tag: "Notifications",
    summary: "The outbox: what would have been sent",
    description:
      "With no SMTP_URL set, messages are not sent but kept, rendered exactly as they would go out (subject, plain " +
      "text, HTML). Newest first.",
    access: "manager",
    query: pageQuerySchema,
    ok: { status: 200, description: "A page of kept messages.", schema: itemsOf(outboxMessageSchema) },
  });
}
