import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { addTimeOff } from "@/lib/schedule/add-time-off";
import { workerTimeOff } from "@/lib/schedule/read";
import { refParamsSchema } from "@/lib/validation/common";
import { rangeQuerySchema, timeOffBodySchema } from "@/lib/validation/schedules";

// Without `from` the list starts now (time off under way included); without `to` it has no end.
export const GET = route({ params: refParamsSchema, query: rangeQuerySchema }, async ({ params, query }) =>
  workerTimeOff(params.ref, query, new Date()),
);

// A manager, or the worker's own account. Time off over booked appointments answers 409
// has_appointments unless `cancelAppointments: true` (a manager's only).
export const POST = route(
  { role: "worker", params: refParamsSchema, body: timeOffBodySchema },
  async ({ params, body, caller }) => json(await addTimeOff(params.ref, body, caller), 201),
);
