import { route } from "@/lib/api/handler";
import { locationSchedule } from "@/lib/availability/schedules";
import { scheduleQuerySchema } from "@/lib/validation/availability";
import { refParamsSchema } from "@/lib/validation/common";

/** One day of a location: which worker's shifts it hosts and when it is busy. Anyone may ask. */
export const GET = route({ params: refParamsSchema, query: scheduleQuerySchema }, ({ params, query }) =>
  locationSchedule(params.ref, query, new Date()),
);
