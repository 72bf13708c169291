import { getDb } from "@/db/client";
import { findLocationOr404, findWorkerOr404 } from "@/db/queries/schedule-refs";
import { createShift } from "@/db/queries/shift-writes";
import { listWorkerShifts, toShiftJson } from "@/db/queries/shifts";
import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { resolveRange } from "@/lib/schedule/range";
import { refParamsSchema } from "@/lib/validation/common";
import { rangeQuerySchema, shiftBodySchema } from "@/lib/validation/schedules";

/** Without `to`, the list covers two weeks from its start. */
const DEFAULT_DAYS = 14;

// Dates in from/to are read in the timezone of the worker's home location.
export const GET = route({ params: refParamsSchema, query: rangeQuerySchema }, async ({ params, query }) => {
  const db = await getDb();
  const worker = await findWorkerOr404(db, params.ref);
  const range = resolveRange(query, worker.timezone, new Date(), DEFAULT_DAYS);
  return { items: (await listWorkerShifts(db, worker.id, range, query)).map(toShiftJson) };
});

export const POST = route(
  { role: "manager", params: refParamsSchema, body: shiftBodySchema },
  async ({ params, body, caller }) => {
    const db = await getDb();
    const worker = await findWorkerOr404(db, params.ref);
    const location = await findLocationOr404(db, body.locationId);
    const shift = await createShift(
      db,
      { workerId: worker.id, location, start: body.start, end: body.end },
      { actorId: caller.id },
    );
    return json(toShiftJson(shift), 201);
  },
);
