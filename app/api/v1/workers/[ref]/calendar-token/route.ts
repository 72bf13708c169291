import { getDb } from "@/db/client";
import { rotateCalendarToken } from "@/db/queries/calendar-feed";
import { findWorkerOr404 } from "@/db/queries/schedule-refs";
import { route } from "@/lib/api/handler";
import { refParamsSchema } from "@/lib/validation/common";

const feed = (slug: string, token: string) => ({
  token,
  path: `/api/v1/workers/${slug}/calendar.ics?token=${encodeURIComponent(token)}`,
});

// The secret of the worker's calendar-feed URL, for staff to hand to the worker's calendar app.
export const GET = route({ role: "admin", params: refParamsSchema }, async ({ params }) => {
  const worker = await findWorkerOr404(await getDb(), params.ref);
  return feed(worker.slug, worker.calendarToken);
});

// A new secret: calendar apps subscribed with the old URL stop receiving the feed at once.
export const POST = route({ role: "admin", params: refParamsSchema }, async ({ params, caller }) => {
  const db = await getDb();
  const worker = await findWorkerOr404(db, params.ref);
  return feed(worker.slug, await rotateCalendarToken(db, worker.id, caller.id));
});
