import { route } from "@/lib/api/handler";
import { workerFeed } from "@/lib/booking/calendar-feed";
import { calendarResponse, workerCalendar } from "@/lib/booking/ics";
import { calendarFeedQuerySchema } from "@/lib/validation/appointments";
import { refParamsSchema } from "@/lib/validation/common";

// Staff (session or bearer) without a token, or anyone holding the worker's feed token (`?token=`,
// from GET /workers/{ref}/calendar-token): calendar apps subscribe without signing in. A wrong
// token answers 404, exactly like an unknown worker.
export const GET = route(
  { params: refParamsSchema, query: calendarFeedQuerySchema },
  async ({ caller, params, query }) => {
    const { worker, rows } = await workerFeed(caller, params.ref, query.token, new Date());
    return calendarResponse(workerCalendar(worker.name, rows), `${worker.slug}.ics`);
  },
);
