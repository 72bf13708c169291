import { route } from "@/lib/api/handler";
import { workerSchedule } from "@/lib/availability/schedules";
import { scheduleQuerySchema } from "@/lib/validation/availability";
import { refParamsSchema } from "@/lib/validation/common";

/** One day of a worker's shifts, time off and busy time (never who booked). Anyone may ask. */
export const GET = route({ params: refParamsSchema, query: scheduleQuerySchema }, ({ params, query, caller }) =>
  workerSchedule(params.ref, query, new Date(), caller),
);
