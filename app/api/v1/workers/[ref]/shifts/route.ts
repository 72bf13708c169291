import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { createShift } from "@/lib/schedule/create-shift";
import { workerShifts } from "@/lib/schedule/read";
import { refParamsSchema } from "@/lib/validation/common";
import { rangeQuerySchema, shiftBodySchema } from "@/lib/validation/schedules";

// Dates in from/to are read in the timezone of the worker's home location; without `to`, the list
// covers two weeks from its start.
export const GET = route({ params: refParamsSchema, query: rangeQuerySchema }, async ({ params, query }) =>
  workerShifts(params.ref, query, new Date()),
);

export const POST = route(
  { role: "manager", params: refParamsSchema, body: shiftBodySchema },
  async ({ params, body, caller }) => json(await createShift(params.ref, body, caller.id), 201),
);
