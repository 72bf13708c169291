import { getDb } from "@/db/client";
import { findWorkerOr404 } from "@/db/queries/schedule-refs";
import { createTimeOff, listTimeOff, toTimeOffJson } from "@/db/queries/time-off";
import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { resolveRange } from "@/lib/schedule/range";
import { refParamsSchema } from "@/lib/validation/common";
import { rangeQuerySchema, timeOffBodySchema } from "@/lib/validation/schedules";

// Without `from` the list starts now (time off under way included); without `to` it has no end.
export const GET = route({ params: refParamsSchema, query: rangeQuerySchema }, async ({ params, query }) => {
  const db = await getDb();
  const worker = await findWorkerOr404(db, params.ref);
  const range = resolveRange(query, worker.timezone, new Date(), null);
  const rows = await listTimeOff(db, worker.id, range, query);
  return { items: rows.map((t) => toTimeOffJson(t, worker.timezone)) };
});

// Time off over booked appointments answers 409 has_appointments unless `cancelAppointments: true`.
export const POST = route(
  { role: "manager", params: refParamsSchema, body: timeOffBodySchema },
  async ({ params, body, caller }) => {
    const db = await getDb();
    const worker = await findWorkerOr404(db, params.ref);
    const row = await createTimeOff(
      db,
      { workerId: worker.id, ...body, reason: body.reason ?? null },
      { actorId: caller.id, timeZone: worker.timezone },
    );
    return json(toTimeOffJson(row, worker.timezone), 201);
  },
);
