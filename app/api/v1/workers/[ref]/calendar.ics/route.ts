import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { workerFeedAppointments } from "@/db/queries/calendar-feed";
import { findWorkerOr404 } from "@/db/queries/schedule-refs";
import { route } from "@/lib/api/handler";
import { requireRole } from "@/lib/auth/roles";
import { calendarResponse, workerCalendar } from "@/lib/booking/ics";
import { notFound } from "@/lib/errors";
import { calendarFeedQuerySchema } from "@/lib/validation/appointments";
import { refParamsSchema } from "@/lib/validation/common";

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

// Staff (session or bearer) without a token, or anyone holding the worker's feed token (`?token=`,
// from GET /workers/{ref}/calendar-token): calendar apps subscribe without signing in. A wrong
// token answers 404, exactly like an unknown worker.
export const GET = route(
  { params: refParamsSchema, query: calendarFeedQuerySchema },
  async ({ caller, params, query }) => {
    if (query.token === undefined) requireRole(caller, "admin");
    const db = await getDb();
    const worker = await findWorkerOr404(db, params.ref);
    if (query.token !== undefined && !sameSecret(query.token, worker.calendarToken)) throw notFound("Worker");
    const rows = await workerFeedAppointments(db, worker.id, new Date());
    return calendarResponse(workerCalendar(worker.name, rows), `${worker.slug}.ics`);
  },
);
