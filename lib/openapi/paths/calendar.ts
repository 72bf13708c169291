// Workers' calendar feeds: staff read them signed in, calendar apps subscribe with a secret URL.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { FEED_PAST_DAYS } from "@/lib/booking/calendar-feed";
import { calendarTokenSchema } from "@/lib/contract";
import { calendarFeedQuerySchema } from "@/lib/validation/appointments";
import { refParamsSchema } from "@/lib/validation/common";
import { describeEndpoint } from "../operation";

const ROTATE = "POST to this path rotates the secret: the old URL answers 404 at once.";

export function registerCalendar(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "get",
    path: "/workers/{ref}/calendar.ics",
    tag: "Calendar feeds",
    summary: "A worker's appointments as a calendar feed",
    description:
      `RFC 5545, the worker's appointments from ${FEED_PAST_DAYS} days ago on, cancelled ones kept as ` +
      "`STATUS:CANCELLED`, times in UTC, UID `<appointment id>@slotwise`, so a calendar app updates the same " +
      "event when an appointment moves. Calendar apps subscribe with `?token=` from " +
      "GET /workers/{ref}/calendar-token; a wrong token answers 404, exactly like an unknown worker.",
    access: "admin",
    secretQuery: "token",
    params: refParamsSchema,
    query: calendarFeedQuerySchema,
    ok: { status: 200, description: "The calendar feed.", schema: z.string(), contentType: "text/calendar" },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/workers/{ref}/calendar-token",
    tag: "Calendar feeds",
    summary: "The secret URL of a worker's calendar feed",
    description: `\`path\` is the URL to hand to the worker's calendar app. ${ROTATE}`,
    access: "admin",
    params: refParamsSchema,
    ok: { status: 200, description: "The feed's token and URL.", schema: calendarTokenSchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/workers/{ref}/calendar-token",
    tag: "Calendar feeds",
    summary: "Rotate the secret of a worker's calendar feed",
    description: "Calendar apps subscribed with the old URL stop receiving the feed at once (it answers 404). Audited.",
    access: "admin",
    params: refParamsSchema,
    ok: { status: 200, description: "The new token and URL.", schema: calendarTokenSchema },
    errors: ["not_found"],
  });
}
