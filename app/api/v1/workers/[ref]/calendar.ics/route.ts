import { createHash, timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { workerFeedAppointments } from "@/db/queries/calendar-feed";
import { findWorkerOr404 } from "@/db/queries/schedule-refs";
import { route } from "@/lib/api/handler";
import { requireRole } from "@/lib/auth/roles";
import { calendarResponse, workerCalendar } from "@/lib/booking/ics";
import { notFound } from "@/lib/errors";
import { calendarFeedQuerySchema } from "@/lib/validation/appointments";
import { refParamsSchema } from "@/lib/validation/common";

// Digests of both sides have one length whatever the characters sent (timingSafeEqual throws on
// buffers of unequal byte length), and comparing them leaks nothing about the secret's length.
const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

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
