import { route } from "@/lib/api/handler";
import { calendarToken, rotateCalendarToken } from "@/lib/booking/calendar-feed";
import { refParamsSchema } from "@/lib/validation/common";

// The secret of the worker's calendar-feed URL, for staff to hand to the worker's calendar app.
export const GET = route({ role: "admin", params: refParamsSchema }, ({ params }) => calendarToken(params.ref));

// A new secret: calendar apps subscribed with the old URL stop receiving the feed at once.
export const POST = route({ role: "admin", params: refParamsSchema }, ({ params, caller }) =>
  rotateCalendarToken(params.ref, caller.id),
);
